using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using GradFlow.Experiments;

namespace GradFlow.Tests.Unit.Experiments;

public sealed class SeedListJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new SeedListJsonConverter() } };

    private static IReadOnlyList<BigInteger> Read(string json) => JsonSerializer.Deserialize<IReadOnlyList<BigInteger>>(json, Options)!;

    private static string Write(IReadOnlyList<BigInteger> seeds) => JsonSerializer.Serialize(seeds, Options);

    [Fact]
    public void Read_IntegersOfAnySize_GivesThemDigitForDigit()
    {
        var seeds = Read("[0, 7, 18446744073709551615, 18446744073709551616, 1000000000000000000000000000000]");

        // 2^64 - 1, 2^64 and 10^30, built by arithmetic rather than parsed.
        Assert.Equal([0, 7, BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 64), BigInteger.Pow(10, 30)], seeds);
    }

    [Fact]
    public void Read_EmptyArray_GivesNoSeeds() => Assert.Empty(Read("[]"));

    [Theory]
    [InlineData("5")]
    [InlineData("\"0-9\"")]
    [InlineData("{}")]
    public void Read_NotAnArray_ThrowsSayingAnArrayIsExpected(string json)
    {
        var e = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("seeds: expected an array of integers >= 0", e.Message);
    }

    [Theory]
    [InlineData("[1, \"2\"]")]
    [InlineData("[true]")]
    [InlineData("[[1]]")]
    [InlineData("[null]")]
    public void Read_ElementNotANumber_ThrowsSayingAnArrayOfIntegersIsExpected(string json)
    {
        var e = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal("seeds: expected an array of integers >= 0", e.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("2.0")]
    public void Read_NumberThatIsNotANonNegativeInteger_ThrowsQuotingIt(string number)
    {
        var e = Assert.Throws<JsonException>(() => Read($"[0, {number}]"));

        Assert.Equal($"seeds: '{number}' is not an integer >= 0", e.Message);
    }

    [Fact]
    public void Read_NumberSplitAcrossBufferSegments_ReadsTheWholeNumber()
    {
        // "[12345678901234567890123]" in three segments, the number cut twice: the reader gives it as a value sequence.
        var sequence = Segment.Of("[1234567", "89012345678", "90123]");
        var reader = new Utf8JsonReader(sequence);
        Assert.True(reader.Read());

        var seeds = new SeedListJsonConverter().Read(ref reader, typeof(IReadOnlyList<BigInteger>), Options);

        Assert.Equal([BigInteger.Parse("12345678901234567890123", System.Globalization.CultureInfo.InvariantCulture)], seeds);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
    }

    [Fact]
    public void Write_SeedsBelowAndAbove2To64_WritesPlainIntegerTokens()
    {
        var seeds = new[] { BigInteger.Zero, BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 64), BigInteger.Pow(10, 30) };

        Assert.Equal("[0,18446744073709551615,18446744073709551616,1000000000000000000000000000000]", Write(seeds));
    }

    [Fact]
    public void Write_NoSeeds_WritesAnEmptyArray() => Assert.Equal("[]", Write([]));

    [Fact]
    public void Write_InAnIndentedManifest_IndentsBigSeedsLikeAnyNumber()
    {
        var spec = new AblationSpec { Seeds = [1, BigInteger.Pow(2, 70)] };

        string json = JsonSerializer.Serialize(spec, ResultStore.JsonOptions);

        Assert.Contains("\"seeds\": [\n    1,\n    1180591620717411303424\n  ],", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ReadWrite_SpecWithBigSeeds_RoundTripsAndReadsTheFieldsAfterTheSeeds()
    {
        var spec = new AblationSpec { Seeds = [3, BigInteger.Pow(2, 64), BigInteger.Pow(3, 50)], Epochs = 17 };

        var read = JsonSerializer.Deserialize<AblationSpec>(JsonSerializer.Serialize(spec, ResultStore.JsonOptions), ResultStore.JsonOptions)!;

        Assert.Equal(spec.Seeds, read.Seeds);
        Assert.Equal(17, read.Epochs);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        private Segment(string text, long start)
        {
            Memory = Encoding.UTF8.GetBytes(text);
            RunningIndex = start;
        }

        public static ReadOnlySequence<byte> Of(params string[] parts)
        {
            var first = new Segment(parts[0], 0);
            var last = first;
            foreach (var part in parts.Skip(1))
            {
                var next = new Segment(part, last.RunningIndex + last.Memory.Length);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
