using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// The server's own OpenAPI document as a contract: a response is checked against the operation it
/// answers (its path template and method): its status must be declared, and its body must be of a
/// declared media type and valid against that schema (JSON Schema 2020-12, which OpenAPI 3.1 uses;
/// <c>#/components/schemas/X</c> is resolved as <c>#/$defs/X</c>). Records what was checked.
/// </summary>
internal sealed class OpenApiContract
{
    private readonly JsonElement _document;
    private readonly JsonNode _definitions;
    private readonly Dictionary<string, JsonSchema> _schemas = [];

    private OpenApiContract(JsonElement document)
    {
        _document = document;
        var schemas = document.GetProperty("components").GetProperty("schemas").GetRawText();
        _definitions = JsonNode.Parse(Rewrite(schemas))!;
    }

    /// <summary>Every (template, method, status) a response was checked against.</summary>
    public HashSet<(string Path, string Method, int Status)> Checked { get; } = [];

    public JsonElement Document => _document;

    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/openapi/v1.json");
        return new OpenApiContract(JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Checks <paramref name="response"/> against the operation at <paramref name="path"/>; its body, parsed.
    /// </summary>
    public async Task<JsonElement?> CheckAsync(HttpResponseMessage response, string path)
    {
        var method = response.RequestMessage!.Method.Method.ToLowerInvariant();
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{method.ToUpperInvariant()} {path} answered {status}";
        var operation = _document.GetProperty("paths").GetProperty(path).GetProperty(method);
        operation.GetProperty("responses").TryGetProperty(status.ToString(), out var declared)
            .ShouldBeTrue($"{what}, a status the document does not declare: {text}");
        Checked.Add((path, method, status));
        if (text.Length == 0)
        {
            declared.TryGetProperty("content", out _)
                .ShouldBeFalse($"{what} with no body, but the document declares one");
            return null;
        }
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        declared.GetProperty("content").TryGetProperty(mediaType, out var media)
            .ShouldBeTrue($"{what} as {mediaType}, which the document does not declare");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var errors = Validate(media.GetProperty("schema"), body);
        errors.ShouldBeEmpty($"{what}: the body does not fit its schema: {text[..Math.Min(text.Length, 2000)]}");
        return body;
    }

    /// <summary>
    /// What makes <paramref name="instance"/> invalid against the named component schema; empty if valid.
    /// </summary>
    public IReadOnlyList<string> ValidateAgainst(string schemaName, JsonElement instance) =>
        Validate(JsonDocument.Parse($"{{\"$ref\":\"#/components/schemas/{schemaName}\"}}").RootElement, instance);

    private IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var key = schema.GetRawText();
        if (!_schemas.TryGetValue(key, out var compiled))
        {
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$defs"] = _definitions.DeepClone(),
                ["allOf"] = new JsonArray(JsonNode.Parse(Rewrite(key))),
            };
            var id = new Uri($"https://mainstay.test/contract/{Guid.NewGuid():N}");
            compiled = JsonSchema.FromText(root.ToJsonString(),
                new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
            _schemas[key] = compiled;
        }
        var result = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    private static string Rewrite(string json) =>
        json.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
}
