"""작은 다층 퍼셉트론(MLP)의 그림: 유닛(원)과 연결(가중치), 죽은 것은 빨간색.

    diagram = network_diagram(ax, [2, 8, 8, 1], node_state=dead_masks)
    diagram.set_state(node_state=new_dead_masks)     # 제자리에서 다시 칠하기

- node_state: 층마다 길이 (그 층의 유닛 수)인 불(bool) 배열, True = 죽은 유닛.
- edge_state: 층 k에서 k+1로 가는 연결마다 모양 (n_k, n_{k+1})인 불 배열,
  True = 죽은 연결. 주지 않으면 죽은 유닛에 닿는 연결을 모두 죽은 것으로 봅니다.
  죽은 유닛에서 나가는 연결은 0만 전하고, 죽은 유닛으로 들어가는 연결은 기울기가
  0이라 갱신되지 않기 때문입니다.

죽은 것은 빨간색(VERMILLION)에 X 표시와 점선을 함께 쓰므로 색을 구별하지 못해도
알아볼 수 있습니다. 한 층에 유닛이 max_nodes개보다 많으면 앞쪽 max_nodes − 1개와
마지막 유닛만 그리고 그 사이에 ⋮ 와 숨긴 개수(그중 죽은 유닛 수)를 적습니다.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from .._validate import check_positive_int
from .style import ALIVE_STYLE, DEAD_STYLE, GREY, LABELS, LINESPACING

__all__ = ["network_diagram", "NetworkDiagram"]


def _visible_units(size: int, max_nodes: int) -> np.ndarray:
    """그릴 유닛 번호: 모두, 또는 앞쪽 max_nodes − 1개와 마지막 하나."""
    if size <= max_nodes:
        return np.arange(size)
    return np.append(np.arange(max_nodes - 1), size - 1)


def _column_heights(count: int, with_gap: bool) -> np.ndarray:
    """한 열에 놓을 유닛들의 y 좌표 (위에서 아래로, 가운데 정렬). 생략이면 한 칸 띄웁니다."""
    slots = count + (1 if with_gap else 0)
    heights = (slots - 1) / 2 - np.arange(slots, dtype=float)
    if with_gap:
        heights = np.delete(heights, count - 1)  # 마지막 유닛 바로 위 칸이 ⋮ 자리
    return heights


class NetworkDiagram:
    """MLP 그림 (network_diagram이 만듭니다).

    artist: alive_nodes, dead_nodes (Line2D, 표시만 있는 점들),
    alive_edges, dead_edges (LineCollection), layer_texts (층 이름과 죽은 비율),
    gap_texts (생략 표시). set_state로 죽은 유닛/연결을 제자리에서 다시 칠합니다.
    """

    def __init__(
        self,
        ax: Axes,
        layer_sizes: Sequence[int],
        node_state=None,
        edge_state=None,
        *,
        max_nodes: int = 8,
        layer_names: Sequence[str] | None = None,
        legend: bool = True,
    ) -> None:
        sizes = [check_positive_int(n, "층의 유닛 수(layer_sizes)") for n in layer_sizes]
        if len(sizes) < 2:
            raise ValueError(
                f"층은 입력층과 출력층을 포함해 2개 이상이어야 합니다 (받은 층 수: {len(sizes)})."
            )
        self.max_nodes = check_positive_int(max_nodes, "한 층에 그릴 유닛 수(max_nodes)", minimum=3)
        self.ax = ax
        self.layer_sizes = sizes
        self.layer_names = list(layer_names) if layer_names is not None else self._default_names()
        if len(self.layer_names) != len(sizes):
            raise ValueError(
                f"층 이름(layer_names)이 {len(self.layer_names)}개인데 층은 {len(sizes)}개입니다."
            )
        self.visible = [_visible_units(n, self.max_nodes) for n in sizes]
        self.positions = []  # 층마다 (보이는 유닛 수, 2)
        for layer, (size, shown) in enumerate(zip(sizes, self.visible, strict=True)):
            heights = _column_heights(len(shown), with_gap=len(shown) < size)
            self.positions.append(np.column_stack([np.full(len(shown), float(layer)), heights]))
        self._edge_segments = self._all_edges()

        self.alive_edges = LineCollection(
            [],
            colors=GREY,
            linewidths=0.8,
            alpha=0.6,
            linestyles=ALIVE_STYLE["linestyle"],
            zorder=1,
        )
        self.dead_edges = LineCollection(
            [],
            colors=DEAD_STYLE["color"],
            linewidths=1.1,
            linestyles=DEAD_STYLE["linestyle"],
            zorder=2,
        )
        ax.add_collection(self.alive_edges)
        ax.add_collection(self.dead_edges)
        (self.alive_nodes,) = ax.plot(
            [],
            [],
            ls="none",
            marker=ALIVE_STYLE["marker"],
            ms=13,
            mfc="white",
            mec=ALIVE_STYLE["color"],
            mew=2,
            zorder=3,
            label=LABELS["alive_unit"],
        )
        (self.dead_nodes,) = ax.plot(
            [],
            [],
            ls="none",
            marker=DEAD_STYLE["marker"],
            ms=14,
            color=DEAD_STYLE["color"],
            mec="white",
            mew=0.8,
            zorder=4,
            label=LABELS["dead_unit"],
        )
        top = max(float(np.max(p[:, 1])) for p in self.positions)
        self.layer_texts = [
            ax.text(
                layer, -top - 0.9, name, ha="center", va="top", fontsize=9, linespacing=LINESPACING
            )
            for layer, name in enumerate(self.layer_names)
        ]
        self.gap_texts = {}
        for layer, (size, shown) in enumerate(zip(sizes, self.visible, strict=True)):
            if len(shown) < size:
                gap_y = (self.positions[layer][-2, 1] + self.positions[layer][-1, 1]) / 2
                self.gap_texts[layer] = ax.text(
                    layer + 0.1,
                    gap_y,
                    "",
                    ha="left",
                    va="center",
                    fontsize=8,
                    zorder=5,
                    linespacing=LINESPACING,
                    bbox={
                        "boxstyle": "round,pad=0.2",
                        "facecolor": "white",
                        "alpha": 0.85,
                        "edgecolor": "none",
                    },
                )
                ax.text(layer, gap_y, "⋮", ha="center", va="center", fontsize=14, zorder=5)
        ax.set_xlim(-0.5, len(sizes) - 0.5)
        ax.set_ylim(-top - 2.0, top + 0.8)
        ax.set_axis_off()
        if legend:
            ax.legend(
                loc="upper center", bbox_to_anchor=(0.5, 1.08), ncols=2, frameon=False, fontsize=9
            )
        self.set_state(node_state, edge_state)

    def _default_names(self) -> list[str]:
        hidden = [f"{LABELS['hidden_layer']} {i}" for i in range(1, len(self.layer_sizes) - 1)]
        return [LABELS["input_layer"], *hidden, LABELS["output_layer"]]

    def _all_edges(self):
        """보이는 유닛 사이의 모든 선분과, 선분마다 (보낸 유닛, 받는 유닛, 연결 가중치)의
        평평한 번호. 층별 배열을 이어 붙인 1차원 배열에서의 위치라 한 번에 골라낼 수 있습니다."""
        node_offsets = np.concatenate([[0], np.cumsum(self.layer_sizes)])
        edge_sizes = [
            a * b for a, b in zip(self.layer_sizes[:-1], self.layer_sizes[1:], strict=True)
        ]
        edge_offsets = np.concatenate([[0], np.cumsum(edge_sizes)])
        segments, sources, targets, weights = [], [], [], []
        for k in range(len(self.layer_sizes) - 1):
            src, dst = np.meshgrid(
                np.arange(len(self.visible[k])), np.arange(len(self.visible[k + 1])), indexing="ij"
            )
            src, dst = src.ravel(), dst.ravel()
            segments.append(np.stack([self.positions[k][src], self.positions[k + 1][dst]], axis=1))
            unit_src, unit_dst = self.visible[k][src], self.visible[k + 1][dst]
            sources.append(node_offsets[k] + unit_src)
            targets.append(node_offsets[k + 1] + unit_dst)
            weights.append(edge_offsets[k] + unit_src * self.layer_sizes[k + 1] + unit_dst)
        self._edge_source = np.concatenate(sources)
        self._edge_target = np.concatenate(targets)
        self._edge_weight = np.concatenate(weights)
        return np.concatenate(segments)

    def _node_masks(self, node_state) -> list[np.ndarray]:
        if node_state is None:
            return [np.zeros(n, dtype=bool) for n in self.layer_sizes]
        masks = [np.asarray(m, dtype=bool).reshape(-1) for m in node_state]
        if [len(m) for m in masks] != self.layer_sizes:
            raise ValueError(
                f"node_state는 층마다 유닛 수만큼의 참/거짓 배열이어야 합니다: 층 크기 "
                f"{self.layer_sizes}, 받은 길이 {[len(m) for m in masks]}."
            )
        return masks

    def _edge_masks(self, edge_state, node_dead: list[np.ndarray]) -> np.ndarray:
        """보이는 선분마다 죽었는지 (True)."""
        if edge_state is None:
            dead_units = np.concatenate(node_dead)
            return dead_units[self._edge_source] | dead_units[self._edge_target]
        masks = [np.asarray(m, dtype=bool) for m in edge_state]
        expected = list(zip(self.layer_sizes[:-1], self.layer_sizes[1:], strict=True))
        if [m.shape for m in masks] != expected:
            raise ValueError(
                f"edge_state는 연결마다 모양 (앞 층 유닛 수, 뒤 층 유닛 수)인 참/거짓 배열이어야 "
                f"합니다: 필요한 모양 {expected}, 받은 모양 {[m.shape for m in masks]}."
            )
        return np.concatenate([m.ravel() for m in masks])[self._edge_weight]

    def set_state(self, node_state=None, edge_state=None) -> None:
        """죽은 유닛(node_state)과 죽은 연결(edge_state)을 새로 칠합니다 (모양은 모듈 설명 참고)."""
        node_dead = self._node_masks(node_state)
        edge_dead = self._edge_masks(edge_state, node_dead)
        shown_dead = [dead[shown] for dead, shown in zip(node_dead, self.visible, strict=True)]
        positions = np.concatenate(self.positions)
        dead = np.concatenate(shown_dead)
        self.alive_nodes.set_data(positions[~dead, 0], positions[~dead, 1])
        self.dead_nodes.set_data(positions[dead, 0], positions[dead, 1])
        self.alive_edges.set_segments(self._edge_segments[~edge_dead])
        self.dead_edges.set_segments(self._edge_segments[edge_dead])
        for layer, text in enumerate(self.layer_texts):
            label = self.layer_names[layer]
            if node_state is not None and 0 < layer < len(self.layer_sizes) - 1:
                label += f"\n{LABELS['dead_short']} {100 * node_dead[layer].mean():.0f}%"
            text.set_text(label)
        for layer, text in self.gap_texts.items():
            hidden = np.ones(self.layer_sizes[layer], dtype=bool)
            hidden[self.visible[layer]] = False
            dead_hidden = int(node_dead[layer][hidden].sum())
            note = f"외 {int(hidden.sum())}개"
            if dead_hidden:
                note += f"\n({LABELS['dead_unit']} {dead_hidden}개)"
            text.set_text(note)
            text.set_color(DEAD_STYLE["color"] if dead_hidden else "black")


def network_diagram(ax: Axes, layer_sizes, node_state=None, edge_state=None, **options):
    """층 크기 목록(예: [2, 3, 1])의 MLP를 유닛과 연결로 그립니다.

    options: max_nodes(한 층에 그릴 최대 유닛 수, 기본 8), layer_names, legend.
    돌려받은 NetworkDiagram의 set_state(node_state, edge_state)로 다시 칠합니다.
    """
    return NetworkDiagram(ax, layer_sizes, node_state, edge_state, **options)
