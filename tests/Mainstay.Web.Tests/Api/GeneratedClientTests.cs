using Mainstay.Data.Ledger;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// A client generator (NSwag) reads the OpenAPI document and makes typed methods and classes, not objects,
/// that compile.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClient generated) : IClassFixture<GeneratedClient>
{
    [Fact]
    public void NSwag_generates_a_typed_csharp_client_from_the_document()
    {
        var code = generated.Code;

        code.ShouldContain("Task<OffersPage> ListOffersAsync(");
        code.ShouldContain("Task<OffersRow> GetOffersRowAsync(string key");
        code.ShouldContain("Task<OffersRow> AddOffersRowAsync(OffersRow body");
        code.ShouldContain("Task<ExchangeRatesPage> ListExchangeRatesAsync(");
        code.ShouldContain("Task<AllocationPage>");
        code.ShouldContain("Task<PlanChanges>");
        code.ShouldContain("Task<OverviewReport>");
        code.ShouldContain("Task<BurdenSharingAccount>");
        code.ShouldContain("public long Transit_months"); // an integer column, typed
        code.ShouldContain("public string RequirementId");
        code.ShouldNotContain("Task<object>");
        code.ShouldNotContain("Task<FileResponse>");
    }

    [Fact]
    public void The_generated_client_compiles_without_errors_or_warnings()
    {
        generated.Diagnostics.ShouldBeEmpty(string.Join("\n", generated.Diagnostics));
        var client = generated.TypeNamed("MainstayClient");
        client.GetMethods().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ShouldBe(5 * LedgerKinds.All.Count + 5 + 2); // a table's 5 operations, plans' 5, reports' 2
    }
}
