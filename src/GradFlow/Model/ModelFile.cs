using System.Globalization;
using System.Text.Json;
using GradFlow.Activations;
using GradFlow.IO;

namespace GradFlow.Model;

/// <summary>
/// The model file (docs/ARCHITECTURE.md "Files"): <c>{"format":"gradflow.mlp/1","activation":"tanh","layers":[{"weights":[[..],..],"bias":[..]},..]}</c>,
/// weights[i][j] = W[i, j] with i over fan_in and j over fan_out (the study's arrays), the output
/// layer a sigmoid unit. Numbers are written in round-trip form, so a model read back is the model
/// written, bit for bit. Every read error is one line naming the file, the JSON path and what is accepted.
/// </summary>
public static class ModelFile
{
    public const string Format = "gradflow.mlp/1";

    internal const string Expected = "a model file {\"format\":\"gradflow.mlp/1\",\"activation\":NAME,\"layers\":[{\"weights\":[[..],..],\"bias\":[..]},..]}";

    public static void Write(TextWriter w, Mlp model)
    {
        w.Write("{\n");
        w.Write($"  \"format\": \"{Format}\",\n");
        w.Write($"  \"activation\": \"{model.Activation.Name}\",\n");
        JsonArrays.WriteLayers(w, model.Layers.Count, l => (model.Layers[l].Weights, model.Layers[l].FanOut, model.Layers[l].Bias));
        w.Write("}\n");
    }

    public static string ToJson(Mlp model)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        Write(w, model);
        return w.ToString();
    }

    /// <summary>Reads a model file; any problem is an <see cref="InvalidDataException"/> with a one-line message.</summary>
    public static Mlp Read(string path) => Parse(InputFile.ReadAllText(path, Expected), path);

    /// <summary>Parses a model's JSON; <paramref name="source"/> names it in error messages.</summary>
    public static Mlp Parse(string json, string source)
    {
        using var doc = JsonArrays.ParseDocument(json, source, Expected);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{source}: the top level is not an object; expected {Expected}");

        var format = JsonArrays.Property(root, "format", JsonValueKind.String, source, "the top level").GetString();
        if (format != Format)
            throw new InvalidDataException($"{source}: format is \"{format}\"; expected \"{Format}\"");

        var name = JsonArrays.Property(root, "activation", JsonValueKind.String, source, "the top level").GetString()!;
        if (!ActivationRegistry.TryGet(name, out var activation))
            throw new InvalidDataException($"{source}: activation \"{name}\" is unknown; valid: {string.Join(", ", ActivationRegistry.Names)}");

        var read = JsonArrays.ReadLayers(root, source);
        if (read.Count == 0)
            throw new InvalidDataException($"{source}: layers is empty; expected at least the output layer");

        var layers = new List<Layer>();
        foreach (var (weights, fanIn, fanOut, bias) in read)
        {
            int l = layers.Count;
            if (l > 0 && fanIn != layers[l - 1].FanOut)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}: layer shapes do not chain: layers[{l}].weights has {fanIn} rows (fan_in) but layers[{l - 1}] has fan_out {layers[l - 1].FanOut}; expected equal"));
            var layer = new Layer(fanIn, fanOut);
            weights.CopyTo(layer.Weights, 0);
            bias.CopyTo(layer.Bias, 0);
            layers.Add(layer);
        }
        if (layers[^1].FanOut != 1)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: the output layer layers[{layers.Count - 1}] has fan_out {layers[^1].FanOut}; expected 1 (one sigmoid unit)"));
        return new Mlp(activation, layers);
    }
}
