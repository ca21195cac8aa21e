using System.Net;
using System.Text;
using System.Text.Json;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// Calls of the ledger API the tests share: a table's rows as one caller sees them, and a write with an ETag.
/// </summary>
internal static class ApiCalls
{
    public static async Task<JsonElement[]> Items(HttpClient client, string table)
    {
        var response = await client.GetAsync($"/api/v1/{table}?pageSize=500");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items")
            .EnumerateArray().Select(e => e.Clone())];
    }

    public static Task<HttpResponseMessage> Send(
        HttpClient client, HttpMethod method, string path, string json, string? etag = null)
    {
        var request = new HttpRequestMessage(method,
            path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
