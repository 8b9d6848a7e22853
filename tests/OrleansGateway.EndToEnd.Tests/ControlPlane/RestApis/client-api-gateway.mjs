// One realistic session of the AWS SDK for JavaScript v3's REST API client (@aws-sdk/client-api-gateway),
// unmodified, against the gateway's control plane: build an API by hand, deploy it, export, import, merge,
// keys and usage plans, tags, test-invoke, the stage called with fetch, the errors the SDK parses, delete.
// Prints one JSON object of what the client saw and judges nothing: the C# test asserts on it.
//   node client-api-gateway.mjs <admin URL> <data URL> <backend URL>
import {
  APIGatewayClient, CreateRestApiCommand, GetResourcesCommand, CreateResourceCommand, PutMethodCommand,
  PutIntegrationCommand, PutMethodResponseCommand, PutIntegrationResponseCommand, CreateDeploymentCommand,
  CreateStageCommand, GetStageCommand, UpdateStageCommand, GetExportCommand, ImportRestApiCommand, PutRestApiCommand,
  CreateApiKeyCommand, GetApiKeysCommand, CreateUsagePlanCommand, CreateUsagePlanKeyCommand, GetUsageCommand,
  TagResourceCommand, GetTagsCommand, TestInvokeMethodCommand, DeleteRestApiCommand, GetRestApiCommand,
  GetResourceCommand, GetMethodCommand, GetApiKeyCommand, GetUsagePlanCommand, UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';

const [adminUrl, dataUrl, backendUrl] = process.argv.slice(2);
const client = new APIGatewayClient({
  endpoint: adminUrl, region: 'us-east-1', maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
});
const send = (command) => client.send(command);
const seen = {};

/** The SDK's parsed error (class name, message, HTTP status), or null when the call succeeded. */
const error = async (command) => {
  try {
    await send(command);
    return null;
  } catch (e) {
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, fault: e.$fault };
  }
};

const api = await send(new CreateRestApiCommand({ name: 'js-pets', description: 'built by the JS SDK', tags: { team: 'js' } }));
const apiId = api.id;
seen.created = { name: api.name, createdIsDate: api.createdDate instanceof Date, tags: api.tags };

const root = await send(new GetResourcesCommand({ restApiId: apiId }));
seen.rootPaths = root.items.map((r) => r.path);
const rootId = root.items[0].id;
const pets = await send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'pets' }));
const pet = await send(new CreateResourceCommand({ restApiId: apiId, parentId: pets.id, pathPart: '{petId}' }));
seen.resourcePaths = [pets.path, pet.path];

// GET /pets: MOCK with a request and a response template.
await send(new PutMethodCommand({ restApiId: apiId, resourceId: pets.id, httpMethod: 'GET', authorizationType: 'NONE' }));
const mock = await send(new PutIntegrationCommand({
  restApiId: apiId, resourceId: pets.id, httpMethod: 'GET', type: 'MOCK',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
}));
await send(new PutMethodResponseCommand({
  restApiId: apiId, resourceId: pets.id, httpMethod: 'GET', statusCode: '200',
  responseParameters: { 'method.response.header.X-Kind': false },
}));
const mockResponse = await send(new PutIntegrationResponseCommand({
  restApiId: apiId, resourceId: pets.id, httpMethod: 'GET', statusCode: '200',
  responseParameters: { 'method.response.header.X-Kind': "'mock'" },
  responseTemplates: { 'application/json': '{"pets":[1,2],"stage":"$context.stage","color":"$stageVariables.color"}' },
}));
seen.mock = { type: mock.type, passthroughBehavior: mock.passthroughBehavior, responseTemplates: mockResponse.responseTemplates };

// GET /pets/{petId}: HTTP to the backend, the path parameter mapped, the backend's answer reshaped.
await send(new PutMethodCommand({
  restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', authorizationType: 'NONE',
  requestParameters: { 'method.request.path.petId': true },
}));
const http = await send(new PutIntegrationCommand({
  restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', type: 'HTTP', integrationHttpMethod: 'GET',
  uri: `${backendUrl}/animals/{id}`,
  requestParameters: { 'integration.request.path.id': 'method.request.path.petId' },
}));
await send(new PutMethodResponseCommand({ restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', statusCode: '200' }));
await send(new PutIntegrationResponseCommand({
  restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', statusCode: '200', selectionPattern: '',
  responseTemplates: { 'application/json': '{"backendPath":"$input.path(\'$.path\')","backendMethod":"$input.path(\'$.method\')"}' },
}));
seen.http = { type: http.type, uri: http.uri, timeoutInMillis: http.timeoutInMillis, requestParameters: http.requestParameters };
const method = await send(new GetMethodCommand({ restApiId: apiId, resourceId: pet.id, httpMethod: 'GET' }));
seen.method = { requestParameters: method.requestParameters, integrationType: method.methodIntegration?.type, responses: Object.keys(method.methodResponses ?? {}) };

// Deploy, then a stage of its own on that deployment, read back and patched.
const deployment = await send(new CreateDeploymentCommand({ restApiId: apiId, description: 'first' }));
const stage = await send(new CreateStageCommand({ restApiId: apiId, stageName: 'prod', deploymentId: deployment.id, variables: { color: 'blue' } }));
const got = await send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }));
const updated = await send(new UpdateStageCommand({
  restApiId: apiId, stageName: 'prod', patchOperations: [
    { op: 'replace', path: '/variables/color', value: 'green' },
    { op: 'replace', path: '/description', value: 'production' },
    { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
  ],
}));
seen.stage = {
  created: [stage.stageName, stage.deploymentId === deployment.id, stage.variables],
  got: [got.stageName, got.createdDate instanceof Date, got.lastUpdatedDate instanceof Date],
  updated: [updated.variables, updated.description, updated.methodSettings?.['*/*']?.metricsEnabled],
};

// The stage answers through fetch: MOCK with the patched stage variable, HTTP through the backend.
const invoke = async (path) => {
  const response = await fetch(`${dataUrl}/_aws/execute-api/${apiId}/prod${path}`);
  return { status: response.status, kind: response.headers.get('x-kind'), body: await response.json() };
};
seen.fetched = { mock: await invoke('/pets'), http: await invoke('/pets/42') };

const tested = await send(new TestInvokeMethodCommand({ restApiId: apiId, resourceId: pet.id, httpMethod: 'GET', pathWithQueryString: '/pets/7' }));
seen.testInvoke = { status: tested.status, body: JSON.parse(tested.body), hasLog: typeof tested.log === 'string' && tested.log.length > 0, latencyIsNumber: typeof tested.latency === 'number' };

// Export as OpenAPI 3 (JSON), import the export as a new API, merge another path into that one.
const exported = await send(new GetExportCommand({
  restApiId: apiId, stageName: 'prod', exportType: 'oas30', accepts: 'application/json', parameters: { extensions: 'integrations' },
}));
const document = JSON.parse(new TextDecoder().decode(exported.body));
seen.export = {
  contentType: exported.contentType, openapi: document.openapi, title: document.info?.title,
  paths: Object.keys(document.paths).sort(),
  integrationType: document.paths['/pets/{petId}']?.get?.['x-amazon-apigateway-integration']?.type,
};
const imported = await send(new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(document)), failOnWarnings: true }));
const merged = await send(new PutRestApiCommand({
  restApiId: imported.id, mode: 'merge', body: new TextEncoder().encode(JSON.stringify({
    openapi: '3.0.1', info: { title: 'merged', version: '1' },
    paths: { '/owners': { get: { responses: { 200: { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } } } } },
  })),
}));
const importedResources = await send(new GetResourcesCommand({ restApiId: imported.id, limit: 500 }));
seen.imported = { name: imported.name, mergedName: merged.name, paths: importedResources.items.map((r) => r.path).sort() };

// API keys and a usage plan on the stage.
const key = await send(new CreateApiKeyCommand({ name: 'js-key', enabled: true, value: 'js-key-value-0123456789' }));
const keys = await send(new GetApiKeysCommand({ includeValues: true, nameQuery: 'js-key' }));
const keysWithoutValues = await send(new GetApiKeysCommand({ nameQuery: 'js-key' }));
const plan = await send(new CreateUsagePlanCommand({
  name: 'js-plan', apiStages: [{ apiId, stage: 'prod' }],
  throttle: { burstLimit: 10, rateLimit: 5 }, quota: { limit: 1000, period: 'DAY' },
}));
const planKey = await send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
const today = new Date().toISOString().slice(0, 10);
const usage = await send(new GetUsageCommand({ usagePlanId: plan.id, startDate: today, endDate: today }));
seen.keys = {
  createdValue: key.value, listedValues: keys.items.map((k) => k.value), hiddenValues: keysWithoutValues.items.map((k) => k.value ?? null),
  plan: [plan.name, plan.apiStages, plan.throttle, plan.quota], planKey: [planKey.id === key.id, planKey.type, planKey.name],
  usage: [usage.usagePlanId === plan.id, usage.startDate, usage.endDate, typeof usage.items],
};

// Tags on the REST API and on the stage.
const apiArn = `arn:aws:apigateway:us-east-1::/restapis/${apiId}`;
await send(new TagResourceCommand({ resourceArn: apiArn, tags: { env: 'dev' } }));
await send(new TagResourceCommand({ resourceArn: `${apiArn}/stages/prod`, tags: { tier: 'gold' } }));
seen.tags = {
  api: (await send(new GetTagsCommand({ resourceArn: apiArn }))).tags,
  stage: (await send(new GetTagsCommand({ resourceArn: `${apiArn}/stages/prod` }))).tags,
};

// What the SDK makes of the gateway's errors.
seen.errors = {
  unknownApi: await error(new GetRestApiCommand({ restApiId: 'nope000000' })),
  unknownResource: await error(new GetResourceCommand({ restApiId: apiId, resourceId: 'nope00' })),
  unknownMethod: await error(new GetMethodCommand({ restApiId: apiId, resourceId: pets.id, httpMethod: 'DELETE' })),
  unknownStage: await error(new GetStageCommand({ restApiId: apiId, stageName: 'nope' })),
  unknownKey: await error(new GetApiKeyCommand({ apiKey: 'nope000000' })),
  unknownPlan: await error(new GetUsagePlanCommand({ usagePlanId: 'nope00' })),
  badPatchPath: await error(new UpdateStageCommand({ restApiId: apiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] })),
  badRestApiPatchPath: await error(new UpdateRestApiCommand({ restApiId: apiId, patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] })),
  duplicateResource: await error(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'pets' })),
  duplicateStage: await error(new CreateStageCommand({ restApiId: apiId, stageName: 'prod', deploymentId: deployment.id })),
  duplicateKeyValue: await error(new CreateApiKeyCommand({ name: 'js-key-2', value: 'js-key-value-0123456789' })),
  duplicatePlanKey: await error(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })),
};

await send(new DeleteRestApiCommand({ restApiId: imported.id }));
await send(new DeleteRestApiCommand({ restApiId: apiId }));
seen.afterDelete = await error(new GetRestApiCommand({ restApiId: apiId }));
seen.unknownApiMessageNamesId = seen.errors.unknownApi?.message?.endsWith(':nope000000') ?? false;

console.log(JSON.stringify(seen));
