using System.Text;
using OrleansGateway.SigV4;

namespace OrleansGateway.Core.Tests.SigV4;

/// <summary>Reads a request written as HTTP/1.1 text (the AWS test suite's <c>.req</c> form) into a <see cref="SigV4Request"/>.</summary>
public static class SignedRequestText
{
    public static SigV4Request Parse(string text, string? authorization = null)
    {
        var (head, body) = text.Split("\n\n", 2) is [var h, var b] ? (h, b) : (text, string.Empty);
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ')];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/1.1", StringComparison.Ordinal)];
        var queryStart = target.IndexOf('?');
        var headers = lines.Skip(1)
            .Select(line => new KeyValuePair<string, string>(line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..]))
            .ToList();
        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
        }

        return new SigV4Request(
            method,
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? string.Empty : target[(queryStart + 1)..],
            headers,
            SigV4Signer.HashHex(Encoding.UTF8.GetBytes(body)));
    }
}
