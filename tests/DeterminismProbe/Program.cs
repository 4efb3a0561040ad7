using GradFlow.DeterminismProbe;

Console.Out.WriteLine(ProbeRun.Describe(ProbeRun.Train()) + ";diagnostics=" + ProbeRun.DiagnosticsHash() + ";curvature=" + ProbeRun.CurvatureHash()
    + ";wide=" + ProbeRun.WideHash(1) + ";wide2=" + ProbeRun.WideHash(2));
