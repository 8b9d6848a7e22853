using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>
/// The model records as AWS writes them. AWS leaves out some members while they hold their
/// default (<c>apiGatewayManaged</c> and a stage's <c>autoDeploy</c> while false) and always
/// writes others (a stage's <c>stageVariables</c>, even empty), as the CLI's examples show.
/// </summary>
public static class WireShapes
{
    /// <summary>The API plus what only the edge knows: where the API is invoked.</summary>
    /// <remarks>
    /// AWS leaves <c>disableSchemaValidation</c> out while false (a WebSocket-only setting), and
    /// CreateApi's answer leaves out empty <c>tags</c>, which GetApi and UpdateApi do show.
    /// </remarks>
    public static JsonObject Api(ApiDefinition api, int dataPort, bool created = false)
    {
        var wire = WithoutFalse(api, "disableSchemaValidation");
        wire["apiEndpoint"] = ApiEndpoint(api, dataPort);
        if (created && api.Tags is not { Count: > 0 })
        {
            wire.Remove("tags");
        }

        return wire;
    }

    public static string ApiEndpoint(ApiDefinition api, int dataPort) =>
        $"{(api.ProtocolType == "WEBSOCKET" ? "ws" : "http")}://{api.ApiId}.execute-api.localhost:{dataPort}";

    public static JsonObject Route(RouteDefinition route) => WithoutFalse(route, "apiGatewayManaged");

    public static JsonObject Integration(IntegrationDefinition integration) => WithoutFalse(integration, "apiGatewayManaged");

    public static JsonObject Stage(StageDefinition stage)
    {
        var wire = WithoutFalse(stage, "apiGatewayManaged", "autoDeploy");
        wire["stageVariables"] ??= new JsonObject();
        return wire;
    }

    private static JsonObject WithoutFalse<T>(T record, params string[] members)
    {
        var wire = JsonSerializer.SerializeToNode(record, WireJson.Options)!.AsObject();
        foreach (var member in members)
        {
            if (wire[member] is JsonValue value && value.GetValueKind() == JsonValueKind.False)
            {
                wire.Remove(member);
            }
        }

        return wire;
    }
}
