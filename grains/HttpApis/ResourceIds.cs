using System.Security.Cryptography;

namespace OrleansGateway.HttpApis;

/// <summary>Identifiers shaped like AWS's: lowercase letters and digits, 10 for APIs, 7 for routes and integrations, 6 for deployments, authorizers and route and integration responses.</summary>
public static class ResourceIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Api() => Next(10);

    public static string Route() => Next(7);

    public static string Integration() => Next(7);

    public static string Deployment() => Next(6);

    public static string Authorizer() => Next(6);

    public static string Response() => Next(6);

    /// <summary>The 6-character ID of a REST API's resource, model or request validator.</summary>
    public static string Part() => Next(6);

    /// <summary>A fresh id of the given length that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(Func<string> next, Func<string, bool> taken)
    {
        var id = next();
        while (taken(id))
        {
            id = next();
        }

        return id;
    }

    private static string Next(int length) => new(RandomNumberGenerator.GetItems<char>(Alphabet, length));
}
