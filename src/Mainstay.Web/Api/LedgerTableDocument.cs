using Mainstay.Data.Ledger;
using Microsoft.OpenApi;

namespace Mainstay.Web.Api;

/// <summary>
/// Describes each ledger table in the OpenAPI document as its own paths and schemas: the routes
/// serve every table as <c>/api/v1/{table}</c>, but a client wants <c>/api/v1/offers</c> with an
/// <c>OffersRow</c> of the offers' columns, so the generic paths become one pair per table. A row
/// schema has every column of its table, named as in its files: whole numbers are integers (an
/// empty optional one is ""), amounts, dates and texts are strings.
/// </summary>
public static class LedgerTableDocument
{
    private const string ListPath = "/api/v1/{table}";
    private const string RowPath = "/api/v1/{table}/{key}";

    public static void Describe(OpenApiDocument document)
    {
        if (!document.Paths.Remove(ListPath, out var list) || !document.Paths.Remove(RowPath, out var row))
            return;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.Remove("LedgerPage"); // each table has its own page
        foreach (var kind in LedgerKinds.All)
        {
            var name = TypeName(kind);
            var rowRef = new OpenApiSchemaReference(name + "Row", document);
            var pageRef = new OpenApiSchemaReference(name + "Page", document);
            document.Components.Schemas[name + "Row"] = RowSchema(kind);
            document.Components.Schemas[name + "Page"] = PageSchema(kind, rowRef);
            var listItem = new OpenApiPathItem { Operations = [] };
            foreach (var (method, operation) in list.Operations ?? [])
            {
                var isList = method == HttpMethod.Get;
                listItem.Operations[method] = ForTable(operation, kind, isList ? $"List{name}" : $"Add{name}Row",
                    isList ? pageRef : rowRef, rowRef, filters: isList);
            }
            var rowItem = new OpenApiPathItem { Operations = [] };
            foreach (var (method, operation) in row.Operations ?? [])
                rowItem.Operations[method] = ForTable(operation, kind, $"{Verb(method)}{name}Row", rowRef, rowRef,
                    false);
            document.Paths[$"/api/v1/{kind.Name}"] = listItem;
            document.Paths[$"/api/v1/{kind.Name}/{{key}}"] = rowItem;
        }
    }

    /// <summary><c>exchange-rates</c> as <c>ExchangeRates</c>.</summary>
    public static string TypeName(LedgerKind kind) =>
        string.Concat(kind.Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Verb(HttpMethod method) =>
        method == HttpMethod.Put ? "Change" : method == HttpMethod.Delete ? "Remove" : "Get";

    private static OpenApiOperation ForTable(OpenApiOperation generic, LedgerKind kind, string id,
        IOpenApiSchema answer, IOpenApiSchema row, bool filters)
    {
        var operation = new OpenApiOperation(generic)
        {
            OperationId = id,
            Summary = generic.Summary?.Replace("a table's", $"the {kind.Name}", StringComparison.Ordinal),
            Description = filters ? FilterHelp(kind) : KeyHelp(kind, generic.Description),
            Parameters = [.. (generic.Parameters ?? []).Where(p => p.Name != "table")],
            Responses = new OpenApiResponses(),
        };
        if (filters)
            foreach (var parameter in QueryParameters(kind))
                operation.Parameters.Add(parameter);
        if (generic.RequestBody is not null)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A {kind.RowNoun} with the columns of {kind.Name}",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = row } },
            };
        foreach (var (status, response) in generic.Responses ?? [])
            operation.Responses[status] = status is "200" or "201" ? Json(response.Description, answer) : response;
        return operation;
    }

    private static string FilterHelp(LedgerKind kind) =>
        $"Query: page (from 1), pageSize (1..{Mainstay.Data.Ledger.Rows.ListRows.MaxPageSize}, default "
        + $"100), sort (a column, - for "
        + $"descending), and any column=value to filter: {string.Join(", ", kind.Columns.Select(c => c.Name))}.";

    private static string? KeyHelp(LedgerKind kind, string? generic) =>
        kind.KeyColumns == 1 ? generic : $"The key is {kind.KeyDescription}, joined by /.";

    private static OpenApiResponse Json(string? description, IOpenApiSchema schema) => new()
    {
        Description = description ?? "OK",
        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
    };

    private static IEnumerable<OpenApiParameter> QueryParameters(LedgerKind kind)
    {
        yield return Query("page", Integer(), "the page, from 1");
        yield return Query("pageSize", Integer(),
            $"rows a page, 1..{Mainstay.Data.Ledger.Rows.ListRows.MaxPageSize} (default 100)");
        yield return Query("sort", Text(), "a column to sort by; - before it for descending");
        foreach (var column in kind.Columns)
            yield return Query(column.Name, Text(), $"only rows whose {column.Name} is this exactly");
    }

    private static OpenApiParameter Query(string name, OpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Schema = schema, Description = description };

    private static OpenApiSchema RowSchema(LedgerKind kind) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"A row of {kind.Name} ({kind.RowNoun}): its columns (docs/formats.md), named as in its files.",
        Properties = kind.Columns.ToDictionary(c => c.Name, Cell),
        Required = new HashSet<string>(kind.Columns.Select(c => c.Name)),
        AdditionalPropertiesAllowed = false,
    };

    private static IOpenApiSchema Cell(LedgerColumn column) => column.Type switch
    {
        ColumnType.Integer when column.Optional => new OpenApiSchema
        {
            OneOf = [Integer(), new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 0 }],
            Description = "a whole number, or \"\" when not given",
        },
        ColumnType.Integer => Integer(),
        ColumnType.Amount => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = "an amount, exact, as a decimal string",
        },
        _ => Text(),
    };

    private static OpenApiSchema PageSchema(LedgerKind kind, IOpenApiSchema row) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"A page of the {kind.Name} you may see.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["table"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = kind.Name },
            ["page"] = Integer(),
            ["pageSize"] = Integer(),
            ["total"] = Integer(),
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = row },
        },
        Required = new HashSet<string>(["table", "page", "pageSize", "total", "items"]),
    };

    private static OpenApiSchema Integer() => new() { Type = JsonSchemaType.Integer, Format = "int64" };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };
}
