using Cmf.Dashboard;

DashboardApplication.Build(args).Run();
