using NSwag.CodeGeneration.CSharp;

namespace Mainstay.Web.Tests.Api;

/// <summary>A client generator (NSwag) reads the OpenAPI document and makes typed methods and classes, not objects.</summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public async Task NSwag_generates_a_typed_csharp_client_from_the_document()
    {
        await using var web = await WebApp.StartAsync("sqlite");
        using var anyone = web.Client();
        var document = await NSwag.OpenApiDocument.FromJsonAsync(await anyone.GetStringAsync("/openapi/v1.json"));

        var settings = new CSharpClientGeneratorSettings { ClassName = "MainstayClient" };
        settings.CSharpGeneratorSettings.Namespace = "Mainstay.Client";
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

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
}
