using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace TrustBot.Tests.Scheduling;

/// <summary>
/// A crash injected at a storage boundary: wraps the registered <typeparamref name="T"/> (see
/// <see cref="CrashSwitch.Wrap{TService}"/>) so that, once armed, the first call of the named method does its work and then throws, as if
/// the process died right after that step. Every other call goes straight through.
/// </summary>
public class CrashAfter<T> : DispatchProxy
    where T : class
{
    internal T Inner { get; set; } = null!;

    internal CrashSwitch Switch { get; set; } = null!;

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(Inner, args);
        if (!Switch.Fires(typeof(T), targetMethod.Name))
        {
            return result;
        }

        // The step is done (its task awaited), then the "process dies".
        return targetMethod.ReturnType.IsGenericType
            ? typeof(CrashAfter<T>).GetMethod(nameof(ThenCrashWith), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()[0]).Invoke(null, [result])
            : ThenCrash((Task)result!);
    }

    private static async Task ThenCrash(Task step)
    {
        await step;
        throw new InjectedCrashException();
    }

    private static async Task<TResult> ThenCrashWith<TResult>(Task<TResult> step)
    {
        await step;
        throw new InjectedCrashException();
    }
}

/// <summary>Where the next injected crash happens: after the first call of one method of one service, once armed.</summary>
public sealed class CrashSwitch
{
    private readonly Lock _gate = new();
    private (Type Service, string Method)? _armed;

    /// <summary>Replaces the registered <typeparamref name="TService"/> with one that crashes when this switch says so.</summary>
    public void Wrap<TService>(IServiceCollection services)
        where TService : class
    {
        var original = services.Last(descriptor => descriptor.ServiceType == typeof(TService));
        services.AddSingleton(provider =>
        {
            var proxy = DispatchProxy.Create<TService, CrashAfter<TService>>();
            var crashing = (CrashAfter<TService>)(object)proxy;
            crashing.Inner = (TService)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));
            crashing.Switch = this;
            return proxy;
        });
    }

    /// <summary>The next call of <paramref name="method"/> on <typeparamref name="TService"/> crashes after doing its work.</summary>
    public void Arm<TService>(string method) => _armed = (typeof(TService), method);

    /// <summary>Whether this call crashes; the switch disarms when it fires.</summary>
    public bool Fires(Type service, string method)
    {
        lock (_gate)
        {
            if (_armed != (service, method))
            {
                return false;
            }

            _armed = null;
            return true;
        }
    }
}

/// <summary>The crash a <see cref="CrashSwitch"/> injects.</summary>
public sealed class InjectedCrashException() : Exception("Injected crash.");
