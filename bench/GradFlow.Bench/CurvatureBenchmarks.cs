using BenchmarkDotNet.Attributes;
using GradFlow.Activations;
using GradFlow.Curvature;
using GradFlow.Data;
using GradFlow.Model;

namespace GradFlow.Bench;

/// <summary>
/// The cost of curvature: one exact Hessian-vector product, and one curvature epoch (λ_max and λ_min by
/// Lanczos, the trace by Hutchinson with the default options), for the paper's net [2, 16, 16, 1] on its
/// 225 training rows and for a deep wide net [2, 64×8, 1] on the same rows, at the parameters after
/// 300 epochs of training at η = 0.05 (a mid-run state).
/// </summary>
[MemoryDiagnoser]
public class CurvatureBenchmarks
{
    private Mlp _model = null!;
    private DataSplit _data = null!;
    private HessianVectorProduct _hvp = null!;
    private CurvatureMeter _meter = null!;
    private double[] _v = null!, _hv = null!;

    [Params("2,16,16,1", "2,64,64,64,64,64,64,64,64,1")]
    public string Arch { get; set; } = "2,16,16,1";

    [Params("tanh", "relu")]
    public string Activation { get; set; } = "tanh";

    [GlobalSetup]
    public void Setup()
    {
        var arch = Architecture.Parse(Arch);
        _data = Xor.Split(Xor.Generate(300, 0.1, 0), 0.25, 0);
        _model = Mlp.Init(arch, ActivationRegistry.Get(Activation), InitScheme.Xavier, 1.0, 0);
        var pass = new BatchPass(arch, _data.Train.Count);
        for (int e = 0; e < 300; e++)
        {
            pass.Forward(_model, _data.Train.X);
            pass.Backward(_model, _data.Train.Y);
            pass.Step(_model, 0.05);
        }
        _hvp = new HessianVectorProduct(arch, _data.Train.Count);
        _hvp.Prepare(_model, _data.Train);
        _meter = new CurvatureMeter(arch, _data.Train.Count);
        _v = new double[_hvp.ParameterCount];
        _hv = new double[_hvp.ParameterCount];
        GradFlow.Random.Generator.DefaultRng(1).StandardNormal(_v);
    }

    [Benchmark]
    public void HessianVectorProduct() => _hvp.Apply(_v, _hv);

    [Benchmark]
    public CurvatureMeasurement CurvatureEpoch() => _meter.Measure(_model, _data.Train.X, _data.Train.Y, 7);
}
