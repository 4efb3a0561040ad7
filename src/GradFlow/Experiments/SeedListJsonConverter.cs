using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradFlow.Experiments;

/// <summary>
/// Seeds in manifest.json as plain JSON integers of any size (NumPy takes any int >= 0), written
/// digit for digit, so a seed below 2^64 reads and writes exactly as before.
/// </summary>
public sealed class SeedListJsonConverter : JsonConverter<IReadOnlyList<BigInteger>>
{
    public override IReadOnlyList<BigInteger> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("seeds: expected an array of integers >= 0");
        var seeds = new List<BigInteger>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number) throw new JsonException("seeds: expected an array of integers >= 0");
            string digits = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            if (!BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                throw new JsonException($"seeds: '{digits}' is not an integer >= 0");
            seeds.Add(seed);
        }
        return seeds;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<BigInteger> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var seed in value)
        {
            if (seed <= ulong.MaxValue) writer.WriteNumberValue((ulong)seed);
            else
            {
                // A number token of any length, written (and indented) by the writer as any other number.
                using var digits = JsonDocument.Parse(seed.ToString(CultureInfo.InvariantCulture));
                digits.RootElement.WriteTo(writer);
            }
        }
        writer.WriteEndArray();
    }
}
