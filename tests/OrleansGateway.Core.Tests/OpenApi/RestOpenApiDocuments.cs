namespace OrleansGateway.Core.Tests.OpenApi;

/// <summary>Definitions as users bring them: AWS's PetStore shapes with an integration on every method.</summary>
internal static class RestOpenApiDocuments
{
    public const string PetStoreOas3Yaml = """
        openapi: 3.0.1
        info:
          title: PetStore
          description: Your first API with Amazon API Gateway.
          version: "2024-01-01"
        servers:
          - url: https://abc123.execute-api.us-east-1.amazonaws.com/{basePath}
            variables:
              basePath:
                default: prod
        x-amazon-apigateway-api-key-source: HEADER
        x-amazon-apigateway-binary-media-types: [image/png, application/octet-stream]
        x-amazon-apigateway-minimum-compression-size: 1024
        x-amazon-apigateway-request-validators:
          all:
            validateRequestBody: true
            validateRequestParameters: true
          params-only:
            validateRequestBody: false
            validateRequestParameters: true
        x-amazon-apigateway-gateway-responses:
          DEFAULT_4XX:
            responseParameters:
              gatewayresponse.header.Access-Control-Allow-Origin: "'*'"
            responseTemplates:
              application/json: '{"message":$context.error.messageString}'
          MISSING_AUTHENTICATION_TOKEN:
            statusCode: "404"
            responseTemplates:
              application/json: '{"message":"no such route"}'
        x-amazon-apigateway-policy:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: "*"
              Action: execute-api:Invoke
              Resource: execute-api:/*
        paths:
          /:
            get:
              responses:
                "200":
                  description: 200 response
                  headers:
                    Content-Type:
                      schema: {type: string}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                passthroughBehavior: when_no_match
                responses:
                  default:
                    statusCode: "200"
                    responseParameters:
                      method.response.header.Content-Type: "'text/html'"
                    responseTemplates:
                      text/html: "<html><body>Welcome</body></html>"
          /pets:
            get:
              operationId: ListPets
              parameters:
                - name: type
                  in: query
                  schema: {type: string}
                - name: page
                  in: query
                  required: true
                  schema: {type: string}
              responses:
                "200":
                  description: 200 response
                  headers:
                    Access-Control-Allow-Origin:
                      schema: {type: string}
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Pets"
              x-amazon-apigateway-request-validator: params-only
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets
                requestParameters:
                  integration.request.querystring.page: method.request.querystring.page
                  integration.request.querystring.type: method.request.querystring.type
                passthroughBehavior: when_no_match
                timeoutInMillis: 10000
                cacheNamespace: pets
                cacheKeyParameters: [method.request.querystring.page]
                responses:
                  default:
                    statusCode: "200"
                    responseParameters:
                      method.response.header.Access-Control-Allow-Origin: "'*'"
            post:
              operationId: CreatePet
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/NewPet"
                required: true
              responses:
                "200":
                  description: 200 response
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/NewPetResponse"
                "400":
                  description: 400 response
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Error"
              security:
                - api_key: []
              x-amazon-apigateway-request-validator: all
              x-amazon-apigateway-integration:
                type: http
                httpMethod: POST
                uri: http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets
                requestTemplates:
                  application/json: '{"type": $input.json(''$.type''), "price": $input.json(''$.price'')}'
                passthroughBehavior: never
                contentHandling: CONVERT_TO_TEXT
                responses:
                  4\d{2}:
                    statusCode: "400"
                    responseTemplates:
                      application/json: '{"message": "bad pet"}'
                  default:
                    statusCode: "200"
            options:
              responses:
                "200":
                  description: 200 response
                  headers:
                    Access-Control-Allow-Origin: {schema: {type: string}}
                    Access-Control-Allow-Methods: {schema: {type: string}}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
                    responseParameters:
                      method.response.header.Access-Control-Allow-Methods: "'GET,POST,OPTIONS'"
                      method.response.header.Access-Control-Allow-Origin: "'*'"
          /pets/{petId}:
            get:
              operationId: GetPet
              parameters:
                - name: petId
                  in: path
                  required: true
                  schema: {type: string}
              responses:
                "200":
                  description: 200 response
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Pet"
              security:
                - tokenAuth: []
              x-amazon-apigateway-integration:
                type: http
                httpMethod: GET
                uri: http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets/{id}
                requestParameters:
                  integration.request.path.id: method.request.path.petId
                responses:
                  default:
                    statusCode: "200"
          /proxy/{proxy+}:
            x-amazon-apigateway-any-method:
              parameters:
                - name: proxy
                  in: path
                  required: true
                  schema: {type: string}
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: ANY
                uri: http://backend.example/{proxy}
                requestParameters:
                  integration.request.path.proxy: method.request.path.proxy
                connectionType: INTERNET
                tlsConfig:
                  insecureSkipVerification: true
        components:
          schemas:
            Pets:
              type: array
              items:
                $ref: "#/components/schemas/Pet"
            Pet:
              type: object
              properties:
                id: {type: integer}
                type: {type: string}
                price: {type: number}
            NewPet:
              type: object
              required: [type, price]
              properties:
                type: {type: string, enum: [dog, cat, fish]}
                price: {type: number, minimum: 25, maximum: 500}
            NewPetResponse:
              type: object
              properties:
                pet: {$ref: "#/components/schemas/Pet"}
                message: {type: string}
            Error:
              type: object
              properties:
                message: {type: string}
          securitySchemes:
            api_key:
              type: apiKey
              name: x-api-key
              in: header
            tokenAuth:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
                authorizerResultTtlInSeconds: 300
                identityValidationExpression: "^Bearer .+$"
        """;

    public const string PetStoreSwaggerJson = """
        {
          "swagger": "2.0",
          "info": { "title": "SwaggerPets", "version": "1.0" },
          "host": "abc123.execute-api.us-east-1.amazonaws.com",
          "basePath": "/v1",
          "schemes": ["https"],
          "paths": {
            "/pets": {
              "post": {
                "consumes": ["application/json"],
                "produces": ["application/json"],
                "parameters": [
                  { "name": "X-Trace", "in": "header", "required": false, "type": "string" },
                  { "in": "body", "name": "NewPet", "required": true, "schema": { "$ref": "#/definitions/NewPet" } }
                ],
                "responses": {
                  "200": { "description": "200 response", "schema": { "$ref": "#/definitions/Pet" }, "headers": { "X-Id": { "type": "string" } } }
                },
                "security": [ { "sigv4": [] } ],
                "x-amazon-apigateway-integration": {
                  "type": "mock",
                  "requestTemplates": { "application/json": "{\"statusCode\": 200}" },
                  "responses": { "default": { "statusCode": "200", "responseTemplates": { "application/json": "{\"id\": 1}" } } }
                }
              }
            }
          },
          "securityDefinitions": {
            "sigv4": { "type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4" }
          },
          "definitions": {
            "NewPet": { "type": "object", "properties": { "type": { "type": "string" } } },
            "Pet": { "type": "object", "properties": { "id": { "type": "integer" }, "owner": { "$ref": "#/definitions/NewPet" } } }
          },
          "x-amazon-apigateway-documentation": { "version": "1", "documentationParts": [] },
          "x-amazon-apigateway-unknown-thing": true
        }
        """;
}
