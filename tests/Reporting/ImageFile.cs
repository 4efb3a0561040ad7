using System.Buffers.Binary;

namespace GradFlow.Tests.Reporting;

/// <summary>What a test can check of a written figure without a decoder: the PNG header, the SVG root.</summary>
internal static class ImageFile
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from the IHDR chunk, which the PNG format requires to come first.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path}: {bytes.Length} bytes is too short for a PNG");
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(PngSignature), $"{path}: no PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Asserts a PNG of the figure size with more in it than a blank canvas compresses to.</summary>
    public static void AssertFigurePng(string path)
    {
        Assert.True(File.Exists(path), $"missing {path}");
        var (w, h) = PngSize(path);
        Assert.Equal((1200, 750), (w, h));
        Assert.True(new FileInfo(path).Length > 20_000, $"{path}: {new FileInfo(path).Length} bytes; a drawn figure has more");
    }

    /// <summary>Every text element of an SVG figure (ScottPlot writes titles, labels, ticks and legend entries as text).</summary>
    public static IReadOnlyList<string> SvgTexts(string path) =>
        System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), @"<text[^>]*>(.*?)</text>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim())
            .ToArray();

    public static void AssertFigureSvg(string path)
    {
        Assert.True(File.Exists(path), $"missing {path}");
        string text = File.ReadAllText(path);
        Assert.Contains("<svg", text);
        Assert.Contains("width=\"1200\"", text);
        Assert.Contains("height=\"750\"", text);
        Assert.True(text.Length > 10_000, $"{path}: {text.Length} characters; a drawn figure has more");
        Assert.EndsWith("</svg>", text.TrimEnd());
    }
}
