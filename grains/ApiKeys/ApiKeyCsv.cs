using OrleansGateway.Errors;

namespace OrleansGateway.ApiKeys;

/// <summary>
/// AWS's API key file: a header naming the columns (<c>Name</c>, <c>Key</c>, <c>Description</c>,
/// <c>Enabled</c>, <c>UsageplanIds</c>; any order, any case), then one key per line. Quoted fields
/// may hold commas; usage plan IDs are separated by <c>;</c> or <c>,</c> inside one field.
/// </summary>
public static class ApiKeyCsv
{
    public static (List<(int Line, ApiKeyCsvRow Row)> Rows, List<string> Warnings) Parse(string csv)
    {
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines.Length > 0 ? Fields(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList() : [];
        var keyColumn = header.IndexOf("key");
        if (keyColumn < 0)
        {
            throw ApiGatewayException.BadRequest("Invalid API Key file: the header must name a Key column");
        }

        var rows = new List<(int, ApiKeyCsvRow)>();
        var warnings = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = Fields(lines[i]);
            string? Column(string name) => header.IndexOf(name) is var at && at >= 0 && at < fields.Count && fields[at].Length > 0 ? fields[at] : null;
            var enabled = Column("enabled");
            if (enabled is not null && !bool.TryParse(enabled, out _))
            {
                warnings.Add($"Invalid Enabled value on line {i + 1}: {enabled}");
                continue;
            }

            rows.Add((i + 1, new ApiKeyCsvRow(
                Column("name"),
                Column("key"),
                Column("description"),
                enabled is not null && bool.Parse(enabled),
                [.. (Column("usageplanids") ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])));
        }

        return (rows, warnings);
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
