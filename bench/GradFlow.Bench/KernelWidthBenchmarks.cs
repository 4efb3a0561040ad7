using BenchmarkDotNet.Attributes;
using GradFlow.Activations;
using GradFlow.Data;
using GradFlow.Model;
using GradFlow.Numerics;

namespace GradFlow.Bench;

/// <summary>
/// Forward and backward of [2, w, w, w, 1] (tanh) with the row kernels and with the tiled kernels forced,
/// side by side, to find the width at which the tiled kernels start to win (BatchPass.TiledMinimumWidth).
/// </summary>
[MemoryDiagnoser]
public class KernelWidthBenchmarks
{
    private Mlp _model = null!;
    private DataSplit _data = null!;
    private BatchPass _pass = null!;

    [Params(16, 24, 32, 48)]
    public int Width { get; set; }

    [Params(225, 1024)]
    public int Rows { get; set; }

    [Params(KernelPath.Rows, KernelPath.Tiled)]
    public KernelPath Kernels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var arch = new Architecture([2, Width, Width, Width, 1]);
        _data = Xor.Split(Xor.Generate(Rows, 0.1, 0), 0.0, 0);
        _model = Mlp.Init(arch, Activation<Tanh>.Instance, InitScheme.Xavier, 1.0, 0);
        _pass = new BatchPass(arch, Rows, Kernels);
    }

    [Benchmark]
    public double ForwardBackward()
    {
        _pass.Forward(_model, _data.Train.X);
        _pass.Backward(_model, _data.Train.Y);
        return _pass.GradW(0)[0];
    }
}
