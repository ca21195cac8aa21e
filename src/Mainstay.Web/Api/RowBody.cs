using System.Text.Json;
using Mainstay.Data.Ledger;
using Mainstay.Problems;

namespace Mainstay.Web.Api;

/// <summary>
/// A row in JSON, both ways: an object with one property per column of its table. Whole numbers
/// are JSON numbers; amounts, dates and texts are strings (an amount keeps its exact decimals).
/// Reading is strict: an unknown property, an object or array where a value belongs, or anything
/// but a JSON object is refused, naming the property.
/// </summary>
public static class RowBody
{
    public static Dictionary<string, object?> ToJson(LedgerKind kind, IReadOnlyList<string> cells)
    {
        var row = new Dictionary<string, object?>(kind.Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < kind.Columns.Count; i++)
            row[kind.Columns[i].Name] = kind.Columns[i].Type == ColumnType.Integer
                && long.TryParse(cells[i], out var number) ? number : cells[i];
        return row;
    }

    /// <summary>The cells of the request's JSON body, or the problems that stop it.</summary>
    public static async Task<(string[]? Cells, IResult? Refusal)> ReadAsync(
        LedgerKind kind, HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentType is not { } type
            || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null,
                ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                    "send the row as application/json"));
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancel);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest($"the body is not valid JSON: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large", e.Message));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null,
                    ApiProblems.BadRequest(
                        $"expected a JSON object with the columns of {kind.Name}, got a "
                            + $"JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}"));
            var problems = new List<Problem>();
            var cells = new string[kind.Columns.Count];
            Array.Fill(cells, "");
            // The parser checks the syntax only; text that is not Unicode fails when it is read.
            try
            {
                Read(kind, document.RootElement, cells, problems);
            }
            catch (InvalidOperationException)
            {
                return (null,
                    ApiProblems.BadRequest(
                        "the body is not valid JSON: a name or text in it is not valid UTF-8, or holds a lone "
                            + "surrogate (\\ud800 to \\udfff without its pair)"));
            }
            return problems.Count > 0 ? (null, ApiProblems.BadRequest("the body does not fit the table", problems))
                : (cells, null);
        }
    }

    private static void Read(LedgerKind kind, JsonElement row, string[] cells, List<Problem> problems)
    {
        foreach (var property in row.EnumerateObject())
        {
            var index = kind.ColumnIndex(property.Name);
            if (index < 0)
            {
                problems.Add(
                    new Problem("body", property.Name,
                        $"unknown field; {kind.Name} has {string.Join(", ", kind.Columns.Select(c => c.Name))}"));
                continue;
            }
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    cells[index] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Number:
                    cells[index] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    problems.Add(
                        new Problem("body", property.Name,
                            $"expected a string or a number, got a "
                                + $"JSON {property.Value.ValueKind.ToString().ToLowerInvariant()}"));
                    break;
            }
        }
    }
}
