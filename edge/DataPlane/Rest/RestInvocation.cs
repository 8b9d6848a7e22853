namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// A request addressed to a REST API's stage, as the invoke URL or custom domain name resolved it:
/// the path below the stage, and the path as <c>$context.path</c> shows it (stage included on the
/// execute-api URLs). A test invocation (TestInvokeMethod) skips authorization and API keys, as on AWS.
/// </summary>
public readonly record struct RestInvocation(
    string ApiId, string StageName, ReadOnlyMemory<char> ResourcePath, string ContextPath, bool ViaExecuteApiEndpoint, string RequestId, bool IsTestInvocation = false);
