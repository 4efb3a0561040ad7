using System.Globalization;
using System.Text.Json;
using GradFlow.IO;

namespace GradFlow.Model;

/// <summary>
/// The JSON number arrays of the model and gradient files: written by hand so a weight row sits on one
/// line, each number in round-trip form; read back from a <see cref="JsonElement"/> with errors that
/// name the file and the JSON path of the offending value.
/// </summary>
internal static class JsonArrays
{
    /// <summary>A JSON number in round-trip form; NaN and ±Infinity, which JSON lacks, as the strings "NaN", "Infinity", "-Infinity".</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Numbers.Format(value)
        : double.IsNaN(value) ? "\"NaN\"" :
        // Stryker disable once Equality : value is ±∞ here, never 0 (docs/mutation-survivors.md)
        value > 0 ? "\"Infinity\"" : "\"-Infinity\"";

    /// <summary>
    /// Reads the "layers" array shared by model and gradient files: per layer its weights matrix and a
    /// bias of one number per output unit. Shapes across layers are the caller's to check.
    /// </summary>
    public static List<(double[] Weights, int FanIn, int FanOut, double[] Bias)> ReadLayers(JsonElement root, string source)
    {
        var layers = new List<(double[], int, int, double[])>();
        foreach (var element in Property(root, "layers", JsonValueKind.Array, source, "the top level").EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"layers[{layers.Count}]");
            if (element.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: {path} is not an object; expected {{\"weights\":[[..],..],\"bias\":[..]}}");
            var (weights, fanIn, fanOut) = ReadMatrix(Property(element, "weights", JsonValueKind.Array, source, path), source, path + ".weights");
            var bias = ReadVector(Property(element, "bias", JsonValueKind.Array, source, path), source, path + ".bias");
            if (bias.Length != fanOut)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: {path}.bias has {bias.Length} numbers but the layer's weights have fan_out {fanOut}; expected one bias per output unit"));
            layers.Add((weights, fanIn, fanOut, bias));
        }
        return layers;
    }

    /// <summary>The "layers" array shared by model and gradient files: per layer its (fan_in × fan_out) weights and its bias.</summary>
    public static void WriteLayers(TextWriter w, int count, Func<int, (double[] Weights, int FanOut, double[] Bias)> layer)
    {
        w.Write("  \"layers\": [\n");
        for (int l = 0; l < count; l++)
        {
            var (weights, fanOut, bias) = layer(l);
            w.Write("    {\n      \"weights\": ");
            WriteMatrix(w, weights, fanOut, "      ");
            w.Write(",\n      \"bias\": ");
            WriteRow(w, bias);
            w.Write(l + 1 < count ? "\n    },\n" : "\n    }\n");
        }
        w.Write("  ]\n");
    }

    public static void WriteRow(TextWriter w, ReadOnlySpan<double> values)
    {
        w.Write('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) w.Write(", ");
            w.Write(Number(values[i]));
        }
        w.Write(']');
    }

    /// <summary>Writes a (rows × columns) row-major matrix as an array of rows, one row per line.</summary>
    public static void WriteMatrix(TextWriter w, ReadOnlySpan<double> values, int columns, string indent)
    {
        int rows = values.Length / columns;
        w.Write("[\n");
        for (int r = 0; r < rows; r++)
        {
            w.Write(indent);
            w.Write("  ");
            WriteRow(w, values.Slice(r * columns, columns));
            w.Write(r + 1 < rows ? ",\n" : "\n");
        }
        w.Write(indent);
        w.Write(']');
    }

    public static JsonDocument ParseDocument(string json, string source, string expected)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}; expected {expected}"));
        }
    }

    public static JsonElement Property(JsonElement obj, string name, JsonValueKind kind, string source, string path)
    {
        if (!obj.TryGetProperty(name, out var value))
            throw new InvalidDataException($"{source}: {path} has no \"{name}\"; expected {Describe(kind)} there");
        if (value.ValueKind != kind)
            throw new InvalidDataException($"{source}: {Join(path, name)} is {Describe(value.ValueKind)}; expected {Describe(kind)}");
        return value;
    }

    public static double ReadNumber(JsonElement e, string source, string path)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && double.IsFinite(v)) return v;
        if (e.ValueKind == JsonValueKind.String)
        {
            switch (e.GetString())
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }
        string shown = e.ValueKind == JsonValueKind.String ? $"the string \"{e.GetString()}\"" : InputFile.OneLine(e.GetRawText());
        throw new InvalidDataException($"{source}: {path} is {shown}; expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    public static double[] ReadVector(JsonElement e, string source, string path)
    {
        if (e.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{source}: {path} is {Describe(e.ValueKind)}; expected an array of numbers");
        var result = new double[e.GetArrayLength()];
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            result[i] = ReadNumber(item, source, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
            i++;
        }
        return result;
    }

    /// <summary>An array of equally long, non-empty rows, returned row-major with its shape.</summary>
    public static (double[] Values, int Rows, int Columns) ReadMatrix(JsonElement e, string source, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
            throw new InvalidDataException($"{source}: {path} is {Describe(e.ValueKind, e)}; expected a non-empty array of rows (fan_in rows of fan_out numbers)");
        int rows = e.GetArrayLength(), columns = -1, r = 0;
        // Stryker disable once CollectionExpression : the first row replaces it before any value is stored (docs/mutation-survivors.md)
        double[] values = [];
        foreach (var rowElement in e.EnumerateArray())
        {
            string rowPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{r}]");
            var row = ReadVector(rowElement, source, rowPath);
            if (
                // Stryker disable once Equality : columns is −1 before the first row and ≥ 1 after it, never 0 (docs/mutation-survivors.md)
                columns < 0)
            {
                if (row.Length == 0) throw new InvalidDataException($"{source}: {rowPath} is empty; expected fan_out >= 1 numbers per row");
                columns = row.Length;
                values = new double[rows * columns];
            }
            else if (row.Length != columns)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: {rowPath} has {row.Length} numbers but {path}[0] has {columns}; every row must have fan_out numbers"));
            row.CopyTo(values, r * columns);
            r++;
        }
        return (values, rows, columns);
    }

    private static string Join(string path, string name) => path == "the top level" ? name : $"{path}.{name}";

    private static string Describe(JsonValueKind kind, JsonElement? e = null) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => e is { } a && a.GetArrayLength() == 0 ? "an empty array" : "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
