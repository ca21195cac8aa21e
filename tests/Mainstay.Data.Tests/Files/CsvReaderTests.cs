using Mainstay.Data.Files;

namespace Mainstay.Data.Tests.Files;

public sealed class CsvReaderTests
{
    [Fact]
    public void Repeated_cells_of_a_column_are_one_string_and_unique_ones_are_read_exactly()
    {
        // 10,000 unique ids (more than a column pool keeps) beside a column of three repeated values.
        var text = "id,item\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"O{i:D5}, item-{i % 3} \n"));
        var rows = new List<string[]>();

        var problem = CsvTableFile.ReadRecords("offers.csv", text, (_, fields) => rows.Add([.. fields]));

        problem.ShouldBeNull();
        rows.Count.ShouldBe(10_001);
        rows.Skip(1).Select(r => r[0]).ShouldBe(Enumerable.Range(0, 10_000).Select(i => $"O{i:D5}"));
        rows.Skip(1).Select(r => r[1]).ShouldBe(Enumerable.Range(0, 10_000).Select(i => $"item-{i % 3}"));
        ReferenceEquals(rows[1][1], rows[4][1]).ShouldBeTrue();
        rows.Skip(1).Select(r => r[1]).Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(3);
    }

    [Fact]
    public void Quoted_and_empty_cells_are_not_confused_with_pooled_ones()
    {
        var rows = new List<string[]>();

        CsvTableFile.ReadRecords("t.csv", "a,b\n\"x,y\",\nx,\"\"\n\"x\",z\n", (_, fields) => rows.Add([.. fields]))
            .ShouldBeNull();

        rows.Skip(1).ShouldBe([["x,y", ""], ["x", ""], ["x", "z"]]);
    }
}
