namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>What <c>chat-browser.mjs</c> reports: each page's status and log, its screenshots, page errors, the step that failed.</summary>
internal sealed record ChatBrowserRun(Dictionary<string, ChatPageLog> Pages, List<string> Screenshots, List<string> Errors, string? Failure, string? Raw);
