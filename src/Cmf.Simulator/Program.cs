Console.WriteLine("Cmf.Simulator: the simulated Kubernetes cluster arrives with its own issue.");
