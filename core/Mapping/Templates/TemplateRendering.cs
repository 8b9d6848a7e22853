using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Vtl;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Renders one cached template against a request's data and context; a template that does not
/// compile or fails while rendering becomes AWS's 500 "Internal server error" with the reason
/// kept for the execution log, never an exception out of the pipeline.
/// </summary>
internal static class TemplateRendering
{
    public static (string? Body, GatewayError? Error, string? Log) Render(
        CompiledTemplateCache cache,
        string deploymentId,
        string template,
        string? body,
        MethodRequestData request,
        IDictionary<string, object?> context,
        IReadOnlyDictionary<string, string>? stageVariables)
    {
        try
        {
            var compiled = cache.GetOrCompile(deploymentId, template);
            return (compiled.Render(new VtlRenderContext
            {
                Body = body,
                PathParameters = request.PathParameters,
                QueryString = LastValues(request.QueryString, StringComparer.Ordinal),
                Headers = LastValues(request.Headers, StringComparer.OrdinalIgnoreCase),
                StageVariables = stageVariables ?? new Dictionary<string, string>(),
                Context = MappingContext.WithOverrideMaps(context),
            }), null, null);
        }
        catch (VtlParseException e)
        {
            return (null, GatewayError.InternalServerError(), "Execution failed due to configuration error: " + e.Message);
        }
        catch (VtlRenderException e)
        {
            return (null, GatewayError.InternalServerError(), "Execution failed due to an error in the mapping template: " + e.Message);
        }
    }

    private static Dictionary<string, string> LastValues(
        IReadOnlyDictionary<string, IReadOnlyList<string>> values, StringComparer comparer)
    {
        var last = new Dictionary<string, string>(values.Count, comparer);
        foreach (var (name, all) in values)
        {
            if (all.Count > 0)
            {
                last[name] = all[^1];
            }
        }

        return last;
    }
}
