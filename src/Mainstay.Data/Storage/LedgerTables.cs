using System.Data.Common;
using System.Globalization;
using Mainstay.Data.Ledger;
using Mainstay.Money;

namespace Mainstay.Data.Storage;

/// <summary>Reads and writes ledger rows as canonical cells, converting amounts to and from minor units.</summary>
public static class LedgerTables
{
    /// <summary>Loads a table, or with <paramref name="where"/> only the rows whose column equals a value.</summary>
    public static async Task<SortedDictionary<string, string[]>> LoadAsync(
        LedgerDatabase db, LedgerKind kind, DbTransaction? transaction, CancellationToken cancel,
        (string Column, string Value)? where = null)
    {
        if (where is { } filter)
            return await LoadMatchingAsync(
                db, kind, kind.ColumnIndex(filter.Column), [filter.Value], transaction, cancel);
        await using var command = db.CreateCommand(SelectAll(kind), transaction);
        return await ReadRowsAsync(kind, command, cancel);
    }

    /// <summary>
    /// The rows whose column <paramref name="column"/> holds one of <paramref name="values"/> (by an index): what a
    /// one-row edit reads instead of whole tables. A value a number column cannot hold matches nothing.
    /// </summary>
    public static async Task<SortedDictionary<string, string[]>> LoadMatchingAsync(
        LedgerDatabase db, LedgerKind kind, int column, IReadOnlyCollection<string> values,
        DbTransaction? transaction, CancellationToken cancel)
    {
        var rows = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        var typed = kind.Columns[column].Type == ColumnType.Text
            ? values.Select(v => (object?)v).ToArray()
            : values.Select(AsNumber).Where(v => v is not null).ToArray();
        // Both databases bound the parameters of one statement (SQLite to 32,766): ask in batches.
        foreach (var batch in typed.Chunk(MatchingBatch))
        {
            var names = batch.Select((_, i) => "v" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            var sql = $"{SelectAll(kind)} WHERE {kind.Columns[column].Name} "
                + $"IN ({string.Join(", ", names.Select(n => "@" + n))})";
            await using var command = db.CreateCommand(
                sql, transaction, [.. batch.Select((value, i) => (names[i], value))]);
            foreach (var (key, cells) in await ReadRowsAsync(kind, command, cancel))
                rows.TryAdd(key, cells);
        }
        return rows;
    }

    private const int MatchingBatch = 500;

    private static object? AsNumber(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static string SelectAll(LedgerKind kind) =>
        $"SELECT {string.Join(", ", kind.Columns.Select(c => c.Name))} FROM {kind.Table}";

    private static async Task<SortedDictionary<string, string[]>> ReadRowsAsync(
        LedgerKind kind, DbCommand command, CancellationToken cancel)
    {
        var columns = kind.Columns;
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var rows = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancel))
        {
            var cells = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                cells[i] = columns[i].Type == ColumnType.Text
                    ? reader.GetString(i)
                    : reader.GetInt64(i).ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < columns.Count; i++)
                if (columns[i].Type == ColumnType.Amount)
                    cells[i] = new Money.Money(
                        long.Parse(cells[i], CultureInfo.InvariantCulture), CurrencyOf(kind, i, cells)).AmountText();
            rows.Add(kind.KeyOf(cells), cells);
        }
        return rows;
    }

    public static async Task<long> CountAsync(
        LedgerDatabase db, LedgerKind kind, CancellationToken cancel, DbTransaction? transaction = null) =>
        Convert.ToInt64(
            await db.ScalarAsync($"SELECT COUNT(*) FROM {kind.Table}", cancel, transaction),
            CultureInfo.InvariantCulture);

    public static async Task InsertAsync(
        LedgerDatabase db, LedgerKind kind, IReadOnlyCollection<string[]> rows, DbTransaction transaction,
        CancellationToken cancel, IProgress<long>? progress = null)
    {
        if (rows.Count == 0)
            return;
        var columns = kind.Columns;
        await db.BulkInsertAsync(kind.Table, columns.Select(c => (c.Name, c.Type == ColumnType.Text)).ToArray(),
            rows.Select(cells => Enumerable.Range(0, columns.Count).Select(i => ToDatabase(kind, i, cells)).ToArray()),
            transaction, cancel, progress);
    }

    public static async Task UpdateAsync(
        LedgerDatabase db, LedgerKind kind, IReadOnlyCollection<string[]> rows, DbTransaction transaction,
        CancellationToken cancel)
    {
        if (rows.Count == 0)
            return;
        var columns = kind.Columns;
        var set = Enumerable.Range(
            kind.KeyColumns, columns.Count - kind.KeyColumns).Select(i => $"{columns[i].Name} = @p{i}");
        var sql = $"UPDATE {kind.Table} SET {string.Join(", ", set)} WHERE {KeyCondition(kind)}";
        await RunForEachAsync(db, kind, sql, rows, Enumerable.Range(0, columns.Count).ToArray(), transaction, cancel);
    }

    public static async Task DeleteAsync(
        LedgerDatabase db, LedgerKind kind, IReadOnlyCollection<string[]> rows, DbTransaction transaction,
        CancellationToken cancel)
    {
        if (rows.Count == 0)
            return;
        var sql = $"DELETE FROM {kind.Table} WHERE {KeyCondition(kind)}";
        await RunForEachAsync(db, kind, sql, rows, Enumerable.Range(0, kind.KeyColumns).ToArray(), transaction, cancel);
    }

    private static string KeyCondition(LedgerKind kind) =>
        string.Join(" AND ", Enumerable.Range(0, kind.KeyColumns).Select(i => $"{kind.Columns[i].Name} = @p{i}"));

    /// <summary>
    /// Runs one prepared statement per row; parameters <c>@p{i}</c> carry the cells at <paramref name="used"/>.
    /// </summary>
    private static async Task RunForEachAsync(
        LedgerDatabase db, LedgerKind kind, string sql, IEnumerable<string[]> rows, int[] used,
        DbTransaction transaction, CancellationToken cancel)
    {
        await using var command = db.CreateCommand(sql, transaction);
        var parameters = new DbParameter[kind.Columns.Count];
        foreach (var i in used)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
            parameters[i].DbType = kind.Columns[i].Type == ColumnType.Text
                ? System.Data.DbType.String
                : System.Data.DbType.Int64;
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(cancel);
        foreach (var cells in rows)
        {
            foreach (var i in used)
                parameters[i].Value = ToDatabase(kind, i, cells);
            await command.ExecuteNonQueryAsync(cancel);
        }
    }

    private static object ToDatabase(LedgerKind kind, int i, string[] cells) => kind.Columns[i].Type switch
    {
        ColumnType.Text => cells[i],
        ColumnType.Integer => long.Parse(cells[i], CultureInfo.InvariantCulture),
        _ => Money.Money.TryParse(cells[i], CurrencyOf(kind, i, cells), out var money, out var why)
            ? money.Minor
            : throw new InvalidOperationException($"canonical amount did not parse: {why}"),
    };

    private static Currency CurrencyOf(LedgerKind kind, int amountColumn, string[] cells)
    {
        var source = kind.Columns[amountColumn].Currency
            ?? throw new InvalidOperationException($"{kind.Name}.{kind.Columns[amountColumn].Name} names no currency");
        var index = -1;
        for (var i = 0; i < kind.Columns.Count; i++)
            if (kind.Columns[i].Name == source)
                index = i;
        var code = index >= 0 ? cells[index] : source;
        return Currency.Find(code) ?? throw new InvalidOperationException($"unknown stored currency {code}");
    }
}
