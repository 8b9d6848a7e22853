# One build, three images: `docker build --target edge|silo|echo-backend .` (docker-compose.yml picks them).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish edge/OrleansGateway.Edge.csproj -c Release -o /out/edge \
 && dotnet publish silo/OrleansGateway.Silo.csproj -c Release -o /out/silo \
 && dotnet publish samples/EchoBackend/EchoBackend.csproj -c Release -o /out/echo-backend

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS edge
WORKDIR /app
COPY --from=build /out/edge .
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "OrleansGateway.Edge.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS silo
WORKDIR /app
COPY --from=build /out/silo .
EXPOSE 11111 30000 8090
ENTRYPOINT ["dotnet", "OrleansGateway.Silo.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS echo-backend
WORKDIR /app
COPY --from=build /out/echo-backend .
EXPOSE 5080
ENTRYPOINT ["dotnet", "OrleansGateway.Samples.EchoBackend.dll"]
