namespace Mainstay.Web.Api.Responses;

/// <summary>
/// A page of a ledger table's rows. Each row is an object of its table's columns, named as in the
/// table's files (the import format, so snake_case: <c>need_by</c>); whole numbers are numbers,
/// the rest strings. The OpenAPI document gives every table its own row schema.
/// </summary>
public sealed record LedgerPage(
    string Table, int Page, int PageSize, int Total, IReadOnlyList<IReadOnlyDictionary<string, object?>> Items);
