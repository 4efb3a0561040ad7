#!/usr/bin/env bash
# A GradFlow sweep on a Slurm cluster: a job array with one task per shard, each running
# `gradflow run --shard i/n` into its own folder under a shared results folder, and a merge job that
# starts when every task has succeeded (afterok) and writes the files of a single-machine run.
#
#   scripts/slurm-sweep.sh submit PRESET SHARDS OUT [gradflow run options...]
#       submits both jobs, e.g.  scripts/slurm-sweep.sh submit paper 8 /shared/results/paper --seeds 0-19
#   scripts/slurm-sweep.sh task   PRESET SHARDS OUT [options...]   (what each array task runs)
#   scripts/slurm-sweep.sh merge  PRESET SHARDS OUT                (what the merge job runs)
#
# Shard folders are OUT/shards/shard-<i>; the merged results are OUT itself. The task's shard is its
# index within the array: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 (1..SHARDS).
# GRADFLOW is the command to call (default: gradflow on PATH); SBATCH (default sbatch) and
# SBATCH_OPTIONS (e.g. "--partition=cpu --time=02:00:00 --cpus-per-task=4") go to both submissions.
set -euo pipefail

usage() {
  echo "usage: $0 submit|task|merge PRESET SHARDS OUT [gradflow run options...]" >&2
  exit 2
}

[[ $# -ge 4 ]] || usage
mode=$1 preset=$2 shards=$3 out=$4
shift 4
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
  echo "slurm-sweep: SHARDS '$shards' is not a positive integer" >&2
  exit 2
fi
read -ra gradflow <<< "${GRADFLOW:-gradflow}"

shard_dir() { printf '%s/shards/shard-%s' "$out" "$1"; }

case "$mode" in
  submit)
    read -ra sbatch <<< "${SBATCH:-sbatch}"
    read -ra options <<< "${SBATCH_OPTIONS:-}"
    mkdir -p "$out/shards" "$out/logs"
    array_job=$("${sbatch[@]}" --parsable "${options[@]}" --job-name="gradflow-$preset" --array="1-$shards" \
      --output="$out/logs/shard-%a.out" "$0" task "$preset" "$shards" "$out" "$@")
    array_job=${array_job%%;*} # --parsable prints "jobid[;cluster]"
    merge_job=$("${sbatch[@]}" --parsable "${options[@]}" --job-name="gradflow-$preset-merge" --dependency="afterok:$array_job" \
      --output="$out/logs/merge.out" "$0" merge "$preset" "$shards" "$out")
    echo "submitted array job $array_job (shards 1-$shards) and merge job ${merge_job%%;*} (after every shard succeeds) into $out"
    ;;
  task)
    : "${SLURM_ARRAY_TASK_ID:?task mode runs inside a Slurm array task (SLURM_ARRAY_TASK_ID is not set)}"
    index=$(( SLURM_ARRAY_TASK_ID - ${SLURM_ARRAY_TASK_MIN:-1} + 1 ))
    if (( index < 1 || index > shards )); then
      echo "slurm-sweep: array task $SLURM_ARRAY_TASK_ID is shard $index, outside 1..$shards; submit with --array=1-$shards" >&2
      exit 2
    fi
    if [[ -n "${SLURM_ARRAY_TASK_COUNT:-}" && "$SLURM_ARRAY_TASK_COUNT" != "$shards" ]]; then
      echo "slurm-sweep: the array has $SLURM_ARRAY_TASK_COUNT tasks but the sweep $shards shards; submit with --array=1-$shards" >&2
      exit 2
    fi
    threads=${SLURM_CPUS_PER_TASK:-0}
    exec "${gradflow[@]}" run --preset "$preset" "$@" --threads "$threads" --shard "$index/$shards" --out "$(shard_dir "$index")"
    ;;
  merge)
    folders=()
    for (( i = 1; i <= shards; i++ )); do folders+=("$(shard_dir "$i")"); done
    exec "${gradflow[@]}" merge --out "$out" "${folders[@]}"
    ;;
  *)
    usage
    ;;
esac
