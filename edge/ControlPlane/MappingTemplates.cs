using System.Text;
using OrleansGateway.Errors;
using OrleansGateway.Vtl;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>
/// Mapping templates are stored to be rendered later: AWS refuses one over its 300 KB quota
/// ("Maximum mapping template size", not adjustable) when it is set, and so do we, with the
/// VTL engine's own limit so that every stored template can compile.
/// </summary>
public static class MappingTemplates
{
    public static void EnsureWithinLimit(IReadOnlyDictionary<string, string>? templates)
    {
        var limit = VtlLimits.Default.MaxTemplateBytes;
        foreach (var (contentType, template) in templates ?? new Dictionary<string, string>())
        {
            if (template is not null && Encoding.UTF8.GetByteCount(template) > limit)
            {
                throw ApiGatewayException.BadRequest($"The mapping template for '{contentType}' is larger than the maximum of {limit / 1024} KB");
            }
        }
    }
}
