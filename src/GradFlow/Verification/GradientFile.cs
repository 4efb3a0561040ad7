using System.Globalization;
using System.Text.Json;
using GradFlow.IO;
using GradFlow.Model;

namespace GradFlow.Verification;

/// <summary>
/// The gradient file (docs/ARCHITECTURE.md "Files"): <c>{"loss":L,"layers":[{"weights":[[..]],"bias":[..]},..]}</c>, the
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

    public static LossGradient Read(string path) => Parse(InputFile.ReadAllText(path, Expected), path);

    public static LossGradient Parse(string json, string source)
    {
        using var doc = JsonArrays.ParseDocument(json, source, Expected);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: the top level is not an object; expected {Expected}");
        if (!root.TryGetProperty("loss", out var lossElement))
            throw new InvalidDataException($"{source}: the top level has no \"loss\"; expected {Expected}");
        double loss = JsonArrays.ReadNumber(lossElement, source, "loss");
        var layers = JsonArrays.ReadLayers(root, source).Select(l => new LayerGradient(l.FanIn, l.FanOut, l.Weights, l.Bias)).ToArray();
        return new LossGradient(loss, layers);
    }
}
