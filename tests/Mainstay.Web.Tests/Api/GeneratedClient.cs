using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Mainstay.Web.Tests.Api;

/// <summary>
/// The C# client NSwag generates from a running server's <c>/openapi/v1.json</c>, compiled in-process
/// with Roslyn and loaded into a collectible <see cref="AssemblyLoadContext"/>, as a program that
/// generated it would build it. Made once for a test class; each test points it at its own server.
/// </summary>
public sealed class GeneratedClient : IAsyncLifetime
{
    private const string Namespace = "Mainstay.Client";
    private readonly AssemblyLoadContext _context = new("generated Mainstay client", isCollectible: true);
    private System.Reflection.Assembly? _assembly;

    /// <summary>The generated C# source.</summary>
    public string Code { get; private set; } = "";

    /// <summary>What the compiler said of <see cref="Code"/>: its errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await using (var web = await WebApp.StartAsync("sqlite"))
        {
            using var anyone = web.Client();
            var document = await NSwag.OpenApiDocument.FromJsonAsync(await anyone.GetStringAsync("/openapi/v1.json"));
            var settings = new CSharpClientGeneratorSettings
            {
                ClassName = "MainstayClient",
                UseBaseUrl = false, // the HttpClient's BaseAddress: each test's own server
                GenerateOptionalParameters = true,
            };
            settings.CSharpGeneratorSettings.Namespace = Namespace;
            settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
            Code = new CSharpClientGenerator(document, settings).GenerateFile();
        }

        // The generated code needs only the base framework (System.Net.Http, System.Text.Json,
        // System.ComponentModel.Annotations): the trusted platform assemblies of the runtime's own folder.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(Namespace,
            [CSharpSyntaxTree.ParseText(Code, new CSharpParseOptions(LanguageVersion.Latest))], references,
            // One thread: the suite's other servers and browsers share the machine's cores with this compile.
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Diagnostics = [.. emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        if (emitted.Success)
        {
            image.Position = 0;
            _assembly = _context.LoadFromStream(image);
        }
    }

    /// <summary>The compiled assembly; fails the test with the compiler's errors if there is none.</summary>
    public System.Reflection.Assembly Assembly =>
        _assembly ?? throw new ShouldAssertException(
            "the generated client did not compile:\n" + string.Join("\n", Diagnostics));

    /// <summary>A generated <c>MainstayClient</c> sending its requests through <paramref name="http"/>.</summary>
    public dynamic For(HttpClient http) => Activator.CreateInstance(TypeNamed("MainstayClient"), http)!;

    /// <summary>A new instance of a generated class (a row, for a body).</summary>
    public dynamic New(string name) => Activator.CreateInstance(TypeNamed(name))!;

    public Type TypeNamed(string name) => Assembly.GetType($"{Namespace}.{name}", throwOnError: true)!;

    public ValueTask DisposeAsync()
    {
        _assembly = null;
        _context.Unload();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The generated client's tests run alone, after the others: compiling some 12,000 lines takes the
/// machine's cores for a while, and the browser and signal tests beside it would wait on them.
/// </summary>
[CollectionDefinition(nameof(GeneratedClientCollection), DisableParallelization = true)]
public sealed class GeneratedClientCollection;
