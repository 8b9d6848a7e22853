using System.Collections.Frozen;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>Headers parameter mapping may not touch (AWS's "Reserved headers" list for HTTP APIs).</summary>
public static class ReservedHeaders
{
    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "authorization", "connection", "content-encoding", "content-length", "content-location", "forwarded",
        "keep-alive", "origin", "proxy-authenticate", "proxy-authorization", "te", "trailers",
        "transfer-encoding", "upgrade", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "via");

    private static readonly string[] Prefixes = ["access-control-", "apigw-", "x-amz-", "x-amzn-"];

    public static bool IsReserved(string name)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
