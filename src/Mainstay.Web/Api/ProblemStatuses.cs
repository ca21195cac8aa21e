namespace Mainstay.Web.Api;

/// <summary>Declares in the OpenAPI document the statuses a route refuses with, each an RFC 9457 problem.</summary>
public static class ProblemStatuses
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
            route.ProducesProblem(status);
        return route;
    }
}
