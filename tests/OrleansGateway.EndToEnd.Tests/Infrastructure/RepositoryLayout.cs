namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the built hosts and samples beside this test assembly (same configuration, same TFM).</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string EdgeAssembly => HostAssembly("edge", "OrleansGateway.Edge");

    public static string SiloAssembly => HostAssembly("silo", "OrleansGateway.Silo");

    public static string RenderTemplateAssembly => HostAssembly(Path.Combine("samples", "RenderTemplate"), "OrleansGateway.Samples.RenderTemplate");

    public static string ChatBackendAssembly => HostAssembly(Path.Combine("samples", "chat"), "OrleansGateway.Samples.ChatBackend");

    private static string HostAssembly(string folder, string name)
    {
        // .../tests/X/bin/{Configuration}/{tfm}/ → {folder}/bin/{Configuration}/{tfm}/{name}.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(Root, folder, "bin", here.Parent!.Name, here.Name, name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {folder} first", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrleansGateway.sln not found above the test assembly");
    }
}
