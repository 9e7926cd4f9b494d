#!/usr/bin/env python3
"""Check a JSONL archive on a Dask cluster with credlint, and compare it as one batch.

The per-article phase is a map: every shard goes through `credlint check SHARD --format jsonl
--no-compare --emit-facts FACTS` on some worker. The comparison is a join over the facts: they are
gathered and `credlint compare --facts` runs once over all of them. The result is the report one
local `credlint check ARCHIVE --format json` writes (sources renamed back to the archive's lines).

    python3 credlint_dask.py --input archive.jsonl --shards 8 --out report.json
    python3 credlint_dask.py --input archive.jsonl --scheduler tcp://scheduler:8786   # a real cluster

With no --scheduler a LocalCluster of worker processes is started on this machine.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from dask.distributed import Client, LocalCluster


def credlint_command(credlint):
    """`credlint` on PATH, or a path to dist/cli/main.js run with this machine's node."""
    if credlint.endswith('.js'):
        return ['node', credlint]
    return [credlint]


def split(archive, shards, workdir):
    """Contiguous shards of the archive's lines (order kept), each with the number of its first line."""
    with open(archive, 'rb') as f:
        lines = f.read().split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    size = max(1, -(-len(lines) // shards))
    out = []
    for k, start in enumerate(range(0, len(lines), size)):
        path = os.path.join(workdir, 'shard-%d.jsonl' % k)
        with open(path, 'wb') as f:
            f.write(b'\n'.join(lines[start:start + size]) + b'\n')
        out.append((path, start))
    return out


def check_shard(shard, first_line, credlint, extra_args):
    """The map: one shard through credlint on a worker. Returns its result lines and facts lines."""
    facts = shard + '.facts.jsonl'
    cmd = credlint_command(credlint) + ['check', shard, '--format', 'jsonl', '--no-compare', '--emit-facts', facts, '-q'] + extra_args
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode not in (0, 1, 2):
        raise RuntimeError('credlint failed on %s (exit %d): %s' % (shard, run.returncode, run.stderr.decode()[:500]))
    with open(facts, encoding='utf-8') as f:
        fact_lines = f.read().splitlines()
    return {'shard': shard, 'first_line': first_line, 'lines': run.stdout.decode('utf-8').splitlines(), 'facts': fact_lines}


def rename_source(source, shard, first_line, archive):
    """`shard-3.jsonl:12` back to the archive's own `archive.jsonl:N`."""
    if source.startswith(shard + ':'):
        return '%s:%d' % (archive, first_line + int(source[len(shard) + 1:]))
    return archive if source == shard else source


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--input', required=True, help='the JSONL archive (one article per line)')
    ap.add_argument('--shards', type=int, default=4)
    ap.add_argument('--workers', type=int, default=2, help='local worker processes (ignored with --scheduler)')
    ap.add_argument('--scheduler', help='address of an existing Dask scheduler')
    ap.add_argument('--credlint', default='credlint', help='the credlint command, or a path to dist/cli/main.js')
    ap.add_argument('--out', help='report file (default: standard output)')
    ap.add_argument('credlint_args', nargs='*', help='extra options for `credlint check` (after --)')
    args = ap.parse_args()

    workdir = tempfile.mkdtemp(prefix='credlint-dask-')
    try:
        shards = split(args.input, args.shards, workdir)
        if args.scheduler:
            client = Client(args.scheduler)
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        futures = [client.submit(check_shard, path, first, args.credlint, args.credlint_args, pure=False) for path, first in shards]
        parts = client.gather(futures)
        client.close()

        # The join: every shard's facts into one file, compared once.
        all_facts = os.path.join(workdir, 'facts.jsonl')
        with open(all_facts, 'w', encoding='utf-8') as f:
            for p in parts:
                for line in p['facts']:
                    f.write(line + '\n')
        # The shards are read again only for the articles of reported pairs, to quote their sentences
        # (on a real cluster: the shard files on shared storage, or leave --articles out and get line:column).
        quote_from = [a for path, _ in shards for a in ('--articles', path)]
        cmp = subprocess.run(credlint_command(args.credlint) + ['compare', '--facts', all_facts, '--format', 'jsonl', '-q'] + quote_from, stdout=subprocess.PIPE, check=False)
        if cmp.returncode not in (0, 2):
            raise RuntimeError('credlint compare --facts failed (exit %d)' % cmp.returncode)

        articles, errors, comparisons, clusters, corroboration = [], [], [], [], {}
        for p in sorted(parts, key=lambda p: p['first_line']):
            for raw in p['lines']:
                rec = json.loads(raw)
                if rec['type'] == 'article':
                    a = rec['article']
                    a['source'] = rename_source(a['source'], p['shard'], p['first_line'], args.input)
                    articles.append(a)
                elif rec['type'] == 'error':
                    e = rec['error']
                    e['source'] = rename_source(e['source'], p['shard'], p['first_line'], args.input)
                    errors.append(e)
        summary_line = None
        for raw in cmp.stdout.decode('utf-8').splitlines():
            rec = json.loads(raw)
            if rec['type'] == 'comparison':
                comparisons.append(rec['comparison'])
            elif rec['type'] == 'cluster':
                clusters.append(rec['cluster'])
            elif rec['type'] == 'corroboration':
                corroboration[rec['article']] = rec['stats']
            elif rec['type'] == 'error':
                errors.append(rec['error'])
            elif rec['type'] == 'summary':
                summary_line = rec
        for a in articles:
            a['stats'].update(corroboration.get(a['id'], {}))

        summary = {'articles': len(articles), 'errors': len(errors), 'verdicts': {'pass': 0, 'review': 0, 'fail': 0}, 'categories': {}, 'comparisons': {}, 'durationMs': 0}
        for a in articles:
            summary['verdicts'][a['verdict']] += 1
            for fl in a['flags']:
                summary['categories'][fl['category']] = summary['categories'].get(fl['category'], 0) + 1
        for c in comparisons:
            summary['comparisons'][c['type']] = summary['comparisons'].get(c['type'], 0) + 1
        report = {'schemaVersion': summary_line['schemaVersion'], 'tool': summary_line['tool'], 'articles': articles, 'comparisons': comparisons, 'errors': errors, 'summary': summary}
        if clusters:
            # Story clusters (schema 1.1.0) sit before the summary, as in the report credlint writes.
            report = {k: v for k, v in report.items() if k != 'summary'}
            report['clusters'] = clusters
            report['summary'] = summary
        text = json.dumps(report, indent=2, ensure_ascii=False) + '\n'
        if args.out:
            with open(args.out, 'w', encoding='utf-8') as f:
                f.write(text)
        else:
            sys.stdout.write(text)
        return 2 if errors else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
