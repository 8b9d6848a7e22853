namespace OrleansGateway.Samples.Chat;

/// <summary>A key pair and the region its signatures are scoped to.</summary>
public sealed record SigningKey(string AccessKeyId, string SecretAccessKey, string Region);
