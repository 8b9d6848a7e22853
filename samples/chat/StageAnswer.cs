namespace OrleansGateway.Samples.Chat;

/// <summary>The gateway's answer to one management call: its status and body.</summary>
public sealed record StageAnswer(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
