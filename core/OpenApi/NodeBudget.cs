using OrleansGateway.Errors;

namespace OrleansGateway.OpenApi;

/// <summary>How many nodes an imported YAML definition may expand to (its aliases included).</summary>
internal sealed class NodeBudget
{
    private const int MaxNodes = 200_000;
    private int _spent;

    public void Spend()
    {
        if (++_spent > MaxNodes)
        {
            throw ApiGatewayException.BadRequest($"The OpenAPI definition expands to more than {MaxNodes} nodes");
        }
    }
}
