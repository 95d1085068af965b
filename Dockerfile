# icbsim in a container: Debian 12 with Debian packages only, installed by scripts/setup.sh (the one
# package list), built with the release preset; the entry point is the icbsim executable.
# Build and run: docs/containers.md.
FROM debian:12

ENV DEBIAN_FRONTEND=noninteractive
# The image runs as root: let mpirun start ranks there (docs/hpc.md, "MPI").
ENV OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

COPY . /opt/icbsim
WORKDIR /opt/icbsim

# The source tree stays in the image: configs/ (scenarios, drugs, overlays) and scripts/ (plots).
RUN bash scripts/setup.sh \
 && cmake --preset release \
 && cmake --build --preset release -j "$(nproc)" --target icbsim \
 && cmake --install build \
 && rm -rf build /var/lib/apt/lists/*

# Results go to the working directory: bind-mount a host folder there (-v "$PWD/results:/data").
WORKDIR /data
ENTRYPOINT ["icbsim"]
CMD ["--help"]
