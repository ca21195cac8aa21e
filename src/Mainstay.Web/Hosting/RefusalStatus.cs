using Mainstay.Data;

namespace Mainstay.Web.Hosting;

/// <summary>The HTTP status and title that answer a use case's refusal, for the API and the pages alike.</summary>
public static class RefusalStatus
{
    public static (int Status, string Title) Of(Refusal refusal) => refusal switch
    {
        Refusal.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        Refusal.SignInNeeded => (StatusCodes.Status401Unauthorized, "Unauthorized"),
        Refusal.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
        Refusal.PreconditionRequired => (StatusCodes.Status428PreconditionRequired, "Precondition required"),
        Refusal.Stale => (StatusCodes.Status412PreconditionFailed, "Precondition failed"),
        Refusal.Exists => (StatusCodes.Status409Conflict, "Conflict"),
        Refusal.BadQuery => (StatusCodes.Status400BadRequest, "Bad request"),
        Refusal.Invalid => (StatusCodes.Status422UnprocessableEntity, "Unprocessable content"),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "not a refusal"),
    };
}
