using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.Validation;

/// <summary>
/// Why a request was refused before its integration ran: the gateway response to send, its
/// <c>$context.error.message</c> and <c>$context.error.validationErrorString</c>.
/// </summary>
public sealed record RequestValidationFailure(
    GatewayResponseType ResponseType, string Message, string ValidationErrorString)
{
    public GatewayError ToGatewayError() => new(ResponseType, Message, 400, ValidationErrorString);
}
