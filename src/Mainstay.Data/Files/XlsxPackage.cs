using System.IO.Compression;
using System.Xml;
using Mainstay.Problems;

namespace Mainstay.Data.Files;

/// <summary>
/// The parts of an Excel workbook's zip package, read with a budget: a few hundred kilobytes of
/// deflate can unpack to gigabytes (a "zip bomb"), so every byte unpacked is counted as it streams
/// (the sizes in the zip's headers are checked first, but they are the sender's word, not proof).
/// A part may unpack to at most <see cref="MaxRatio"/> times its packed size once past
/// <see cref="GraceBytes"/> (the bound Apache POI uses), and all parts read together to at most
/// <see cref="MaxUnpackedBytes"/>. Going over stops the reading with a problem naming the part.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;
    public const int MaxRatio = 100;
    public const long GraceBytes = 1024 * 1024;
    private const int MaxEntries = 10_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly string _name;
    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _unpacked;

    private XlsxPackage(string name, ZipArchive zip)
    {
        _name = name;
        _zip = zip;
    }

    /// <summary>Opens the package; throws <see cref="InvalidDataException"/> when it is not a zip.</summary>
    public static XlsxPackage Open(string name, byte[] bytes)
    {
        var package = new XlsxPackage(
            name, new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read));
        if (package._zip.Entries.Count > MaxEntries)
            throw new ProblemException(
                new Problem(name, "", $"the workbook holds more than {MaxEntries} parts; not a table Mainstay reads"));
        foreach (var entry in package._zip.Entries)
            package._entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        return package;
    }

    public bool Has(string part) => _entries.ContainsKey(part);

    /// <summary>
    /// The size a part says it unpacks to; reading it stops there or at its budget, whichever is less.
    /// </summary>
    public long Size(string part) => _entries[part].Length;

    /// <summary>An XML reader over a part, counting what it unpacks against the budget.</summary>
    public XmlReader Read(string part)
    {
        var entry = _entries[part];
        var limit = Math.Min(MaxUnpackedBytes - _unpacked, Math.Max(GraceBytes, entry.CompressedLength * MaxRatio));
        if (entry.Length > limit)
            throw TooBig(part, limit);
        return XmlReader.Create(new CountingStream(this, part, entry.Open(), limit, entry.Length), Settings);
    }

    /// <summary>
    /// The targets of a part's relationships (<c>xl/_rels/workbook.xml.rels</c> for <c>xl/workbook.xml</c>)
    /// by id, with their type's last segment (<c>worksheet</c>, <c>sharedStrings</c>, <c>styles</c>, ...).
    /// </summary>
    public Dictionary<string, (string Type, string Target)> Relationships(string source)
    {
        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : "";
        var rels = $"{folder}_rels/{source[folder.Length..]}.rels";
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (!Has(rels))
            return found;
        using var reader = Read(rels);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.GetAttribute("TargetMode") == "External")
                continue;
            var id = reader.GetAttribute("Id");
            var type = reader.GetAttribute("Type");
            var target = reader.GetAttribute("Target");
            if (id is null || type is null || target is null)
                continue;
            found.TryAdd(id, (type[(type.LastIndexOf('/') + 1)..], Resolve(folder, target)));
        }
        return found;
    }

    private static string Resolve(string folder, string target)
    {
        var path = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + target).Split('/'))
        {
            if (segment == "..")
            {
                if (path.Count > 0)
                    path.RemoveAt(path.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                path.Add(segment);
            }
        }
        return string.Join('/', path);
    }

    private ProblemException TooBig(string part, long limit) => new(new Problem(_name, "",
        $"the workbook's part {part} unpacks to more than {Megabytes(limit)} "
            + $"from {Megabytes(_entries[part].CompressedLength)} packed "
        + $"(at most {MaxRatio} times its packed size, and "
            + $"{Megabytes(MaxUnpackedBytes)} for all parts); refused as a possible zip bomb; "
        + "save the table as CSV, or split it"));

    private static string Megabytes(long bytes) =>
        bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / (1024.0 * 1024):0.#} MB";

    public void Dispose() => _zip.Dispose();

    /// <summary>Passes a part's unpacked bytes through, stopping once they exceed the part's limit.</summary>
    private sealed class CountingStream(XlsxPackage package, string part, Stream inner, long limit, long declared)
        : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int read)
        {
            _read += read;
            package._unpacked += read;
            if (_read > limit)
                throw package.TooBig(part, limit);
            if (_read > declared)
                throw new ProblemException(new Problem(package._name, "",
                    $"not an Excel workbook (.xlsx) or a damaged one: its part {part} "
                        + $"unpacks to more than the {declared} bytes its zip entry declares"));
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
