using GradFlow.DeterminismProbe;

Console.Out.WriteLine(ProbeRun.Describe(ProbeRun.Train()) + ";diagnostics=" + ProbeRun.DiagnosticsHash() + ";curvature=" + ProbeRun.CurvatureHash());
