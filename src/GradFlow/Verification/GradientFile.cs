using System.Globalization;
using System.Text.Json;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// The gradient file of DESIGN.md: <c>{"loss":L,"layers":[{"weights":[[..]],"bias":[..]},..]}</c>, the
/// gradient of the mean binary cross-entropy in the model file's own layout, numbers in round-trip form.
/// </summary>
public static class GradientFile
{
    private const string Expected = "a gradient file {\"loss\":L,\"layers\":[{\"weights\":[[..],..],\"bias\":[..]},..]}";

    public static void Write(TextWriter w, LossGradient gradient)
    {
        w.Write("{\n");
        w.Write($"  \"loss\": {JsonArrays.Number(gradient.Loss)},\n");
        JsonArrays.WriteLayers(w, gradient.Layers.Count, l => (gradient.Layers[l].Weights, gradient.Layers[l].FanOut, gradient.Layers[l].Bias));
        w.Write("}\n");
    }

    public static string ToJson(LossGradient gradient)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(w, gradient);
        return w.ToString();
    }

    public static LossGradient Read(string path) => Parse(JsonArrays.ReadAllText(path, Expected), path);

    public static LossGradient Parse(string json, string source)
    {
        using var doc = JsonArrays.ParseDocument(json, source, Expected);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: the top level is not an object; expected {Expected}");
        if (!root.TryGetProperty("loss", out var lossElement))
            throw new InvalidDataException($"{source}: the top level has no \"loss\"; expected {Expected}");
        double loss = JsonArrays.ReadNumber(lossElement, source, "loss");
        var layers = new List<LayerGradient>();
        foreach (var element in JsonArrays.Property(root, "layers", JsonValueKind.Array, source, "the top level").EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"layers[{layers.Count}]");
            if (element.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: {path} is not an object; expected {{\"weights\":[[..],..],\"bias\":[..]}}");
            var (weights, fanIn, fanOut) = JsonArrays.ReadMatrix(JsonArrays.Property(element, "weights", JsonValueKind.Array, source, path), source, path + ".weights");
            var bias = JsonArrays.ReadVector(JsonArrays.Property(element, "bias", JsonValueKind.Array, source, path), source, path + ".bias");
            if (bias.Length != fanOut)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: {path}.bias has {bias.Length} numbers but the layer's weights have {fanOut} columns; expected one per output unit"));
            layers.Add(new LayerGradient(fanIn, fanOut, weights, bias));
        }
        return new LossGradient(loss, layers);
    }
}
