using System.Collections.Concurrent;
using OrleansGateway.Vtl;

namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// Compiled mapping templates, keyed by deployment id and template text, so each template is
/// parsed once per deployment rather than per request. A failed compile is remembered too (the
/// same <see cref="VtlParseException"/> is rethrown). Only the most recent deployments are kept:
/// a stage serves one deployment, so older ones age out.
/// </summary>
public sealed class CompiledTemplateCache(int maxDeployments = 16, VtlLimits? limits = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Lazy<VtlTemplate>>> _deployments =
        new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<string> _arrivals = new();

    public int DeploymentCount => _deployments.Count;

    /// <exception cref="VtlParseException">The template does not compile.</exception>
    public VtlTemplate GetOrCompile(string deploymentId, string template)
    {
        if (!_deployments.TryGetValue(deploymentId, out var templates))
        {
            templates = _deployments.GetOrAdd(deploymentId, _ => new(StringComparer.Ordinal));
            _arrivals.Enqueue(deploymentId);
            while (_deployments.Count > maxDeployments && _arrivals.TryDequeue(out var oldest))
            {
                _deployments.TryRemove(oldest, out _);
            }
        }

        return templates.GetOrAdd(template, source => new Lazy<VtlTemplate>(
            () => VtlTemplate.Compile(source, limits), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Drops a deployment's templates, e.g. when its stage moves to another deployment.</summary>
    public void Evict(string deploymentId) => _deployments.TryRemove(deploymentId, out _);
}
