using Microsoft.AspNetCore.Routing.Matching;

namespace Mainstay.Web.Api;

/// <summary>
/// How the API's routes are declared: every GET route answers HEAD too (RFC 9110 9.3.2: the same
/// headers, no body; Kestrel sends none), and the ledger's <c>{table}</c> routes leave the plans'
/// and reports' paths alone, so those answer only their own methods and name only those in Allow.
/// A row's key is at least one segment (<c>{key}/{**rest}</c>, as <c>WS24-DE/2025</c>), so a
/// table's path is not also a row's with an empty key: PUT or DELETE on it is 405, not a bare 400.
/// </summary>
public static class ApiRoutes
{
    /// <summary>The route constraint of a ledger table's name: <c>{table:ledgerTable}</c>.</summary>
    public const string TableConstraint = "ledgerTable";

    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, string pattern, Delegate handler)
    {
        app.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return app.MapGet(pattern, handler);
    }

    /// <summary>In the OpenAPI document a row's key is one parameter, <c>{key}</c>, as clients send it.</summary>
    public static void DocumentRowKey(Microsoft.OpenApi.OpenApiDocument document)
    {
        if (!document.Paths.Remove("/api/v1/{table}/{key}/{rest}", out var row))
            return;
        foreach (var operation in row.Operations?.Values.ToArray() ?? [])
            if (operation.Parameters is { } parameters)
                foreach (var rest in parameters.Where(p => p.Name == "rest").ToArray())
                    parameters.Remove(rest);
        document.Paths["/api/v1/{table}/{key}"] = row;
    }

    /// <summary>A row's key from its route: the first segment and any after it.</summary>
    public static string Key(string key, string? rest) => string.IsNullOrEmpty(rest) ? key : key + "/" + rest;

    /// <summary>Any name but those the API's other groups own (an unknown table reaches the handler, which says so).</summary>
    public sealed class LedgerTable : IRouteConstraint, IParameterLiteralNodeMatchingPolicy
    {
        private static readonly string[] Reserved = ["plans", "reports"];

        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values,
            RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && value?.ToString() is { Length: > 0 } name
            && MatchesLiteral(routeKey, name);

        /// <summary>Routing leaves the plans' and reports' paths out of these routes, so their 405s list only their methods.</summary>
        public bool MatchesLiteral(string parameterName, string literal) =>
            !Reserved.Contains(literal, StringComparer.OrdinalIgnoreCase);
    }
}
