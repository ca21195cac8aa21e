using Mainstay.Data;
using Mainstay.Web.Hosting;
using Mainstay.Problems;

namespace Mainstay.Web.Api;

/// <summary>RFC 9457 problem details for every refusal of the API: status, title, what and where.</summary>
public static class ApiProblems
{
    public static IResult Of(int status, string title, string detail, IEnumerable<Problem>? problems = null) =>
        Results.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            type: $"https://mainstay.example/problems/{status}",
            extensions: problems is null ? null : new Dictionary<string, object?>
            {
                ["errors"] =
                    problems.Select(
                        p => new Dictionary<string, string> { ["where"] = p.Where, ["field"] = p.Field,
                            ["message"] = p.Message }).ToArray(),
            });

    /// <summary>A refused request about ledger rows, as its HTTP status; the problems listed for 400 and 422.</summary>
    public static IResult Refused(
        Refusal refusal, string detail, IReadOnlyList<Problem>? problems = null)
    {
        var (status, title) = RefusalStatus.Of(refusal);
        var listed = status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity;
        return Of(status, title, detail, listed ? problems : null);
    }

    public static IResult Unavailable() =>
        Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "the ledger cannot be opened; see the server's log");

    /// <summary>401 to a caller without credentials; the server adds <c>WWW-Authenticate: Bearer</c> to every 401 of the API.</summary>
    public static IResult SignInNeeded(string detail) => Of(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "Not found", what);

    public static IResult BadRequest(string detail, IEnumerable<Problem>? problems = null) =>
        Of(StatusCodes.Status400BadRequest, "Bad request", detail, problems);

    /// <summary>
    /// The problems' <c>errors</c> (400 and 422: each problem found, where, field and message) in the
    /// document's ProblemDetails.
    /// </summary>
    public static void Document(Microsoft.OpenApi.OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas
            || !schemas.TryGetValue("ProblemDetails", out var schema)
            || schema is not Microsoft.OpenApi.OpenApiSchema problem)
            return;
        var text = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String };
        problem.Properties ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>();
        problem.Properties["errors"] = new Microsoft.OpenApi.OpenApiSchema
        {
            Type = Microsoft.OpenApi.JsonSchemaType.Array,
            Description = "Every problem found: where (body, query or a file's line), field, message",
            Items = new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                {
                    ["where"] = text, ["field"] = text, ["message"] = text,
                },
                Required = new HashSet<string>(["where", "field", "message"]),
            },
        };
    }
}
