// A stand-in for the part of MediatR that eShop's Ordering services use. eShop (5624ad56) takes
// MediatR 13, which this machine's NuGet does not serve (and which needs a licence key); the
// try-eshop.sh script builds this file as the project "MediatR" in its place. It is not MediatR:
// requests go to their one handler through the registered open behaviors, outermost first, and
// notifications to every handler of their runtime type; nothing else.
using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace MediatR
{
    public interface IBaseRequest;

    public interface IRequest<out TResponse> : IBaseRequest;

    public interface INotification;

    public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
    {
        Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
    }

    public interface INotificationHandler<in TNotification> where TNotification : INotification
    {
        Task Handle(TNotification notification, CancellationToken cancellationToken);
    }

    public delegate Task<TResponse> RequestHandlerDelegate<TResponse>(CancellationToken cancellationToken = default);

    public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull
    {
        Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
    }

    public interface ISender
    {
        Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
    }

    public interface IPublisher
    {
        Task Publish(object notification, CancellationToken cancellationToken = default);

        Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification;
    }

    public interface IMediator : ISender, IPublisher;

    public sealed class MediatRServiceConfiguration
    {
        internal List<Assembly> Assemblies { get; } = [];

        internal List<Type> OpenBehaviors { get; } = [];

        public MediatRServiceConfiguration RegisterServicesFromAssemblyContaining(Type type)
        {
            Assemblies.Add(type.Assembly);
            return this;
        }

        public MediatRServiceConfiguration AddOpenBehavior(Type openBehaviorType)
        {
            OpenBehaviors.Add(openBehaviorType);
            return this;
        }
    }

    internal sealed class Mediator(IServiceProvider services) : IMediator
    {
        private static readonly MethodInfo SendTyped = typeof(Mediator).GetMethod(nameof(SendAs), BindingFlags.NonPublic | BindingFlags.Instance)!;
        private static readonly MethodInfo PublishTyped = typeof(Mediator).GetMethod(nameof(PublishAs), BindingFlags.NonPublic | BindingFlags.Instance)!;

        public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
            (Task<TResponse>)SendTyped.MakeGenericMethod(request.GetType(), typeof(TResponse)).Invoke(this, [request, cancellationToken])!;

        public Task Publish(object notification, CancellationToken cancellationToken = default) =>
            (Task)PublishTyped.MakeGenericMethod(notification.GetType()).Invoke(this, [notification, cancellationToken])!;

        public Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification => Publish((object)notification, cancellationToken);

        private Task<TResponse> SendAs<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
            where TRequest : IRequest<TResponse>
        {
            var handler = services.GetRequiredService<IRequestHandler<TRequest, TResponse>>();
            RequestHandlerDelegate<TResponse> next = token => handler.Handle(request, token == default ? cancellationToken : token);
            foreach (var behavior in services.GetServices<IPipelineBehavior<TRequest, TResponse>>().Reverse())
            {
                var inner = next;
                next = token => behavior.Handle(request, inner, token == default ? cancellationToken : token);
            }

            return next(cancellationToken);
        }

        private async Task PublishAs<TNotification>(TNotification notification, CancellationToken cancellationToken)
            where TNotification : INotification
        {
            foreach (var handler in services.GetServices<INotificationHandler<TNotification>>())
            {
                await handler.Handle(notification, cancellationToken);
            }
        }
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class MediatRServiceCollectionExtensions
    {
        public static IServiceCollection AddMediatR(this IServiceCollection services, Action<MediatRServiceConfiguration> configure)
        {
            var configuration = new MediatRServiceConfiguration();
            configure(configuration);
            services.AddScoped<IMediator, Mediator>();
            services.AddScoped<ISender>(provider => provider.GetRequiredService<IMediator>());
            services.AddScoped<IPublisher>(provider => provider.GetRequiredService<IMediator>());
            foreach (var type in configuration.Assemblies.SelectMany(assembly => assembly.GetTypes()))
            {
                if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
                {
                    continue;
                }

                foreach (var contract in type.GetInterfaces())
                {
                    if (contract.IsGenericType && IsHandler(contract.GetGenericTypeDefinition()))
                    {
                        services.AddTransient(contract, type);
                    }
                }
            }

            foreach (var behavior in configuration.OpenBehaviors)
            {
                services.AddTransient(typeof(IPipelineBehavior<,>), behavior);
            }

            return services;
        }

        private static bool IsHandler(Type definition) =>
            definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>);
    }
}
