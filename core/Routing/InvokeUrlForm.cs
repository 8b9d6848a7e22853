namespace OrleansGateway.Routing;

/// <summary>The three ways a client can address a deployed API (ARCHITECTURE.md, external contract).</summary>
public enum InvokeUrlForm
{
    /// <summary>Host <c>{apiId}.execute-api.{any domain}</c>, path <c>/{stage}/{path}</c> or <c>/{path}</c>.</summary>
    ExecuteApiHost,

    /// <summary><c>/_aws/execute-api/{apiId}/{stage}/{path}</c>.</summary>
    AwsExecuteApiPath,

    /// <summary><c>/restapis/{apiId}/{stage}/_user_request_/{path}</c>.</summary>
    UserRequestPath,
}
