using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OrleansGateway.Validation;

/// <summary>
/// The models of one deployed REST API, compiled once. A model is a JSON Schema draft 4 document;
/// models reference each other as API Gateway documents it, by
/// <c>https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}</c>. Built eagerly so that
/// evaluation afterwards only reads.
/// </summary>
public sealed class ApiModelSchemas
{
    private readonly string _apiId;
    private readonly IReadOnlyDictionary<string, string> _sources;
    private readonly BuildOptions _options;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly bool _isComplete;

    public ApiModelSchemas(string apiId, IReadOnlyDictionary<string, string> modelSchemas)
    {
        _apiId = apiId;
        _sources = modelSchemas;
        var registry = new SchemaRegistry();
        registry.Fetch = (uri, _) => FetchModel(uri);
        _options = new BuildOptions { Dialect = Dialect.Draft06, SchemaRegistry = registry };
        foreach (var name in modelSchemas.Keys)
        {
            Build(name);
        }

        _isComplete = true;
    }

    /// <summary>The compiled schema of a model, or null when the API has no such (valid) model.</summary>
    public JsonSchema? Find(string modelName) => _schemas.GetValueOrDefault(modelName);

    /// <summary>The translated schema document behind a base URI, for reading keyword values.</summary>
    internal JsonNode? Document(Uri baseUri) =>
        _documents.GetValueOrDefault(baseUri.GetLeftPart(UriPartial.Query));

    public Uri ModelUri(string modelName) =>
        new($"https://apigateway.amazonaws.com/restapis/{_apiId}/models/{Uri.EscapeDataString(modelName)}");

    private JsonSchema? FetchModel(Uri uri)
    {
        var prefix = $"https://apigateway.amazonaws.com/restapis/{_apiId}/models/";
        var address = uri.GetLeftPart(UriPartial.Query);
        return address.StartsWith(prefix, StringComparison.Ordinal)
            ? Build(Uri.UnescapeDataString(address[prefix.Length..]))
            : null;
    }

    private JsonSchema? Build(string name)
    {
        // Once built, the set only reads, so concurrent evaluations never race on it.
        if (_schemas.TryGetValue(name, out var built) || _isComplete)
        {
            return built;
        }

        // A model that reaches itself through other models stops here instead of recursing forever.
        if (!_sources.TryGetValue(name, out var source) || !_building.Add(name))
        {
            return null;
        }

        try
        {
            var translated = Draft4SchemaTranslator.Translate(JsonNode.Parse(source) ?? new JsonObject());
            var uri = ModelUri(name);
            _documents[uri.GetLeftPart(UriPartial.Query)] = translated;
            var schema = JsonSchema.Build(JsonSerializer.SerializeToElement(translated), _options, uri);
            _schemas[name] = schema;
            return schema;
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or InvalidOperationException or ArgumentException)
        {
            // The control plane refuses invalid models; one that slips through validates nothing.
            return null;
        }
        finally
        {
            _building.Remove(name);
        }
    }
}
