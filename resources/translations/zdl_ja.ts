<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>ActivationPlotPage</name>
    <message>
        <source>The smallest x must be less than the largest x.</source>
        <extracomment>Selected at first, as in the book&apos;s figures (step, sigmoid and ReLU, §3.2.5–3.2.7). The sigmoid&apos;s gain a runs over 10^-1 … 10^2 on a log scale: slider value v gives a = 10^((v-100)/100). Leaky ReLU&apos;s α runs over 0 … 0.5 in steps of 0.001.</extracomment>
        <translation>x の最小値は最大値より小さくしてください。</translation>
    </message>
    <message>
        <source>{0} (derivative)</source>
        <translation>{0}（微分）</translation>
    </message>
    <message>
        <source>a = {0}</source>
        <translation>a = {0}</translation>
    </message>
    <message>
        <source>α = {0}</source>
        <translation>α = {0}</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>式</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>微分</translation>
    </message>
    <message>
        <source>h(x) at x = {0}</source>
        <translation>x = {0} での h(x)</translation>
    </message>
    <message>
        <source>h′(x) at x = {0}</source>
        <translation>x = {0} での h′(x)</translation>
    </message>
    <message>
        <source>Tick a function to plot it.</source>
        <translation>関数にチェックを入れるとグラフを描きます。</translation>
    </message>
    <message>
        <source>h(x) = 1 (x &gt; 0), 0 (x ≤ 0)</source>
        <translation>h(x) = 1 (x &gt; 0)、0 (x ≤ 0)</translation>
    </message>
    <message>
        <source>h′(x) = 0 (x ≠ 0)</source>
        <translation>h′(x) = 0 (x ≠ 0)</translation>
    </message>
    <message>
        <source>h(x) = 1 / (1 + exp(−x))</source>
        <translation>h(x) = 1 / (1 + exp(−x))</translation>
    </message>
    <message>
        <source>h′(x) = h(x)(1 − h(x))</source>
        <translation>h′(x) = h(x)(1 − h(x))</translation>
    </message>
    <message>
        <source>h(x) = 1 / (1 + exp(−a·x)), a = {0}</source>
        <translation>h(x) = 1 / (1 + exp(−a·x))、a = {0}</translation>
    </message>
    <message>
        <source>h′(x) = a·h(x)(1 − h(x))</source>
        <translation>h′(x) = a·h(x)(1 − h(x))</translation>
    </message>
    <message>
        <source>h(x) = tanh(x)</source>
        <translation>h(x) = tanh(x)</translation>
    </message>
    <message>
        <source>h′(x) = 1 − h(x)²</source>
        <translation>h′(x) = 1 − h(x)²</translation>
    </message>
    <message>
        <source>h(x) = max(0, x)</source>
        <translation>h(x) = max(0, x)</translation>
    </message>
    <message>
        <source>h′(x) = 1 (x &gt; 0), 0 (x ≤ 0)</source>
        <translation>h′(x) = 1 (x &gt; 0)、0 (x ≤ 0)</translation>
    </message>
    <message>
        <source>h(x) = x (x &gt; 0), αx (x ≤ 0), α = {0}</source>
        <translation>h(x) = x (x &gt; 0)、αx (x ≤ 0)、α = {0}</translation>
    </message>
    <message>
        <source>h′(x) = 1 (x &gt; 0), α (x ≤ 0)</source>
        <translation>h′(x) = 1 (x &gt; 0)、α (x ≤ 0)</translation>
    </message>
    <message>
        <source>h(x) = x</source>
        <translation>h(x) = x</translation>
    </message>
    <message>
        <source>h′(x) = 1</source>
        <translation>h′(x) = 1</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>Show derivatives h′(x)</source>
        <translation>微分 h′(x) も表示</translation>
    </message>
    <message>
        <source>x range</source>
        <translation>x の範囲</translation>
    </message>
    <message>
        <source>From</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>To</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Sigmoid gain a</source>
        <translation>シグモイド関数の傾き a</translation>
    </message>
    <message>
        <source>h(x) = 1 / (1 + exp(−a·x)). As a grows the sigmoid becomes the step function (§3.2.4).</source>
        <translation>h(x) = 1 / (1 + exp(−a·x))。a を大きくするとシグモイド関数はステップ関数に近づきます（§3.2.4）。</translation>
    </message>
    <message>
        <source>Leaky ReLU slope α</source>
        <translation>Leaky ReLU の傾き α</translation>
    </message>
    <message>
        <source>Move the mouse over the plot to read h(x) and h′(x).</source>
        <translation>グラフの上でマウスを動かすと h(x) と h′(x) を読み取れます。</translation>
    </message>
    <message>
        <source>Activation functions (§3.2)</source>
        <translation>活性化関数（§3.2）</translation>
    </message>
    <message>
        <source>h(x)</source>
        <translation>h(x)</translation>
    </message>
</context>
<context>
    <name>ActivationTab</name>
    <message>
        <source>Step function</source>
        <extracomment>The functions&apos; names as shown (checkboxes, legend, readout), translated where shown.</extracomment>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等関数</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>NumPy in action</source>
        <translation>NumPy で確かめる</translation>
    </message>
    <message>
        <source>Softmax lab</source>
        <translation>ソフトマックス関数</translation>
    </message>
</context>
<context>
    <name>BatchNormLabPage</name>
    <message>
        <source>Training grid</source>
        <translation>学習の比較</translation>
    </message>
    <message>
        <source>Mean and variance</source>
        <translation>平均と分散</translation>
    </message>
</context>
<context>
    <name>Chapters</name>
    <message>
        <source>Perceptrons</source>
        <translation>パーセプトロン</translation>
    </message>
    <message>
        <source>Perceptron and logic gates</source>
        <translation>パーセプトロンと論理回路</translation>
    </message>
    <message>
        <source>Move w1, w2 and b and watch the decision line; build AND, NAND and OR, and see why XOR needs a second layer.</source>
        <translation>w1、w2、b を動かして境界線の変化を見ます。AND・NAND・OR を作り、XOR に 2 層目が必要な理由を確かめます。</translation>
    </message>
    <message>
        <source>Neural networks</source>
        <translation>ニューラルネットワーク</translation>
    </message>
    <message>
        <source>Convolutional neural networks</source>
        <translation>畳み込みニューラルネットワーク</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Plot step, sigmoid, tanh and ReLU with their derivatives; see softmax stay finite on [1010, 1000, 990] where the naive formula gives nan.</source>
        <translation>ステップ関数・シグモイド関数・tanh・ReLU とその微分をグラフで比べます。素朴な式では nan になる [1010, 1000, 990] でも、ソフトマックス関数が有限の値を返すことを確かめます。</translation>
    </message>
    <message>
        <source>Matrix shapes</source>
        <translation>行列の形状</translation>
    </message>
    <message>
        <source>Which dimensions must match for np.dot, and the book&apos;s 3-layer network step by step with every shape shown.</source>
        <translation>np.dot で一致すべき次元と、本書の 3 層ネットワークの計算を、すべての形状を見ながら一歩ずつ。</translation>
    </message>
    <message>
        <source>Chapter 6 labs</source>
        <translation>6章の実験</translation>
    </message>
    <message>
        <source>Initial weights and their activation histograms, batch normalisation across weight scales, overfitting and its cures, and a random search of the learning rate and weight decay on validation data.</source>
        <translation>重みの初期値によるアクティベーション分布の違い、重みのスケールを変えたときの Batch Normalization の効果、過学習とその対策、検証データを使った学習率と Weight decay のランダムな探索を試します。</translation>
    </message>
    <message>
        <source>Across the chapters</source>
        <translation>章をまたいで</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>よくある間違い</translation>
    </message>
    <message>
        <source>The slips learners really make, buggy and correct code side by side and run live; then paste your own sigmoid, softmax or Affine and have it checked.</source>
        <translation>学習者が実際につまずく間違いを、誤ったコードと正しいコードを並べて実行しながら確かめます。自分で書いた sigmoid・softmax・Affine などを貼り付けてチェックすることもできます。</translation>
    </message>
    <message>
        <source>Neural network training</source>
        <translation>ニューラルネットワークの学習</translation>
    </message>
    <message>
        <source>Loss calculator</source>
        <translation>損失関数の計算</translation>
    </message>
    <message>
        <source>Type y and t and check the sum of squared errors and the cross-entropy error line by line, one-hot or label form.</source>
        <translation>y と t を入力し、二乗和誤差と交差エントロピー誤差を一行ずつ確かめます（one-hot 表現でもラベル表現でも）。</translation>
    </message>
    <message>
        <source>Numerical differentiation and gradient descent</source>
        <translation>数値微分と勾配降下法</translation>
    </message>
    <message>
        <source>Central against forward differences as h shrinks, the gradient field, and descent paths for a learning rate that is right, too large or too small.</source>
        <translation>h を小さくしたときの中心差分と前方差分、勾配の向き、そして学習率がちょうどよい・大きすぎる・小さすぎるときの勾配降下法の軌跡。</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <source>Computational graphs</source>
        <translation>計算グラフ</translation>
    </message>
    <message>
        <source>Step through the apple shopping graph and the layers&apos; graphs: upstream derivative times local derivative, node by node.</source>
        <translation>りんごの買い物の計算グラフと各レイヤの計算グラフを、ノードごとに「上流から伝わった微分 × 局所的な微分」でたどります。</translation>
    </message>
    <message>
        <source>Training techniques</source>
        <translation>学習に関するテクニック</translation>
    </message>
    <message>
        <source>Training dashboard</source>
        <translation>学習ダッシュボード</translation>
    </message>
    <message>
        <source>Train a network on real handwritten digits and watch the loss and accuracy move; compare optimizers, initial weights and regularisation.</source>
        <translation>本物の手書き数字でネットワークを学習させ、損失と認識精度の変化を見ます。最適化手法・重みの初期値・正則化を比べます。</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>最適化手法の比較</translation>
    </message>
    <message>
        <source>SGD, Momentum, AdaGrad and Adam side by side on f(x, y) = x²/20 + y².</source>
        <translation>f(x, y) = x²/20 + y² の上で SGD・Momentum・AdaGrad・Adam を並べて比べます。</translation>
    </message>
</context>
<context>
    <name>ClosedFormPage</name>
    <message>
        <source>total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>count</source>
        <translation>個数</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>最小値</translation>
    </message>
    <message>
        <source>saddle point</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>極大値</translation>
    </message>
    <message>
        <source>One unknown: solve it</source>
        <translation>未知数が 1 つなら、解けばよい</translation>
    </message>
    <message>
        <source>For the book&apos;s f(x) = {0}x² + {1}x the derivative is f′(x) = {2}x + {1}. Setting f′(x) = 0 gives x = −{1} / {2} = {3} in one line, and f({3}) = {4} is the minimum (f″ = {2} &gt; 0).</source>
        <translation>本書の f(x) = {0}x² + {1}x の微分は f′(x) = {2}x + {1} です。f′(x) = 0 とおけば x = −{1} / {2} = {3} と 1 行で求まり、f({3}) = {4} が最小値です（f″ = {2} &gt; 0）。</translation>
    </message>
    <message>
        <source>{0} unknowns: the TwoLayerNet {1}</source>
        <translation>未知数が {0} 個: {1} の TwoLayerNet</translation>
    </message>
    <message>
        <source>∇L = 0 for this network is {0} equations, one per parameter, and each involves the weights of both layers through ReLU and softmax: coupled, non-linear, with no formula for the solution.</source>
        <translation>このネットワークの ∇L = 0 は、パラメータ 1 つにつき 1 本、全部で {0} 本の方程式です。しかも、どの式にも ReLU とソフトマックス関数を通して両方の層の重みが入り込んでいます。互いに絡み合った非線形の連立方程式で、解を与える公式はありません。</translation>
    </message>
    <message>
        <source>A solution would not be enough</source>
        <translation>解けたとしても、それで十分とは限らない</translation>
    </message>
    <message>
        <source>∇f = 0 also holds at saddle points and at poorer local minima. The double well below has three such points; only one is the lowest.</source>
        <translation>∇f = 0 は、鞍点や、値のより大きい局所的な最小値でも成り立ちます。下の 2 つの谷をもつ関数にはそのような点が 3 つありますが、最も低いのはそのうちの 1 つだけです。</translation>
    </message>
    <message>
        <source>So we walk downhill: x ← x − η∇L</source>
        <translation>そこで坂を下っていく: x ← x − η∇L</translation>
    </message>
    <message>
        <source>Each step needs only the gradient. Computed numerically it costs 2 × {0} = {1} loss evaluations per step (§4.5); backpropagation (§5) gives it for the price of about two. Newton&apos;s method would need the {0} × {0} matrix of second derivatives: {2} numbers.</source>
        <translation>各ステップで必要なのは勾配だけです。数値微分で求めると、1 ステップにつき損失関数の計算が 2 × {0} = {1} 回必要です（§4.5）。誤差逆伝播法（§5）なら、損失関数およそ 2 回分の計算で求まります。ニュートン法では、2 階微分を並べた {0} × {0} の行列、つまり {2} 個の数が必要になります。</translation>
    </message>
    <message>
        <source>One unknown: f′(x) = 0 at x = {0}</source>
        <translation>未知数が 1 つ: x = {0} で f′(x) = 0</translation>
    </message>
    <message>
        <source>f′(x) = 0</source>
        <translation>f′(x) = 0</translation>
    </message>
    <message>
        <source>Non-convex: three points with ∇f = 0</source>
        <translation>凸でない関数: ∇f = 0 となる点が 3 つ</translation>
    </message>
    <message>
        <source>global minimum</source>
        <translation>最小値</translation>
    </message>
    <message>
        <source>local minimum</source>
        <translation>局所的な最小値</translation>
    </message>
</context>
<context>
    <name>CodeCheckPage</name>
    <message>
        <source>ordinary input</source>
        <extracomment>Largest file opened, in bytes (bigger files get a message instead). Largest editor text remembered between runs (characters). Name of the progress file in the app&apos;s data folder. What each case checks, by case id.</extracomment>
        <translation>通常の入力</translation>
    </message>
    <message>
        <source>x = 0 and a 2-D input</source>
        <translation>x = 0 と 2 次元の入力</translation>
    </message>
    <message>
        <source>x = 0</source>
        <translation>x = 0</translation>
    </message>
    <message>
        <source>a batch (2-D input)</source>
        <translation>バッチ（2 次元の入力）</translation>
    </message>
    <message>
        <source>large values (overflow)</source>
        <translation>大きな値（オーバーフロー）</translation>
    </message>
    <message>
        <source>large scores (overflow)</source>
        <translation>大きなスコア（オーバーフロー）</translation>
    </message>
    <message>
        <source>the book&apos;s example</source>
        <translation>本書の例</translation>
    </message>
    <message>
        <source>the book&apos;s second example</source>
        <translation>本書の 2 つ目の例</translation>
    </message>
    <message>
        <source>one-hot t</source>
        <translation>one-hot 表現の t</translation>
    </message>
    <message>
        <source>one-hot t, wrong guess</source>
        <translation>one-hot 表現の t（推論が外れた例）</translation>
    </message>
    <message>
        <source>batch of 3, one-hot t</source>
        <translation>バッチサイズ 3、one-hot 表現の t</translation>
    </message>
    <message>
        <source>class labels as t</source>
        <translation>ラベル表現の t</translation>
    </message>
    <message>
        <source>correct class has y = 0</source>
        <translation>正解クラスの y が 0</translation>
    </message>
    <message>
        <source>the book&apos;s example at x = 5</source>
        <translation>本書の例（x = 5）</translation>
    </message>
    <message>
        <source>the book&apos;s example at x = 10</source>
        <translation>本書の例（x = 10）</translation>
    </message>
    <message>
        <source>the book&apos;s point (3, 4)</source>
        <translation>本書の例の点 (3, 4)</translation>
    </message>
    <message>
        <source>an integer array x</source>
        <translation>整数の配列 x</translation>
    </message>
    <message>
        <source>a 2-D x (a weight matrix)</source>
        <translation>2 次元の x（重み行列）</translation>
    </message>
    <message>
        <source>three steps</source>
        <translation>3 ステップ</translation>
    </message>
    <message>
        <source>forward and backward</source>
        <translation>forward と backward</translation>
    </message>
    <message>
        <source>the apple example</source>
        <translation>りんごの例</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>forward（順伝播）</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>backward（逆伝播）</translation>
    </message>
    <message>
        <source>backward against the numerical gradient</source>
        <translation>backward と数値微分による勾配の比較</translation>
    </message>
    <message>
        <source>attributes after __init__</source>
        <translation>__init__ 後の属性</translation>
    </message>
    <message>
        <source>parameter shapes</source>
        <translation>パラメータの形状</translation>
    </message>
    <message>
        <source>predict</source>
        <translation>predict（推論）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss（損失）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy（認識精度）</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>gradient（勾配）</translation>
    </message>
    <message>
        <source>the first step</source>
        <translation>最初の 1 ステップ</translation>
    </message>
    <message>
        <source>30 steps on x²/20 + y²</source>
        <translation>x²/20 + y² で 30 ステップ</translation>
    </message>
    <message>
        <source>training and test outputs on one scale</source>
        <translation>学習時とテスト時の出力のスケールが同じ</translation>
    </message>
    <message>
        <source>training: about half the units dropped</source>
        <translation>学習時: ニューロンのおよそ半分を消去</translation>
    </message>
    <message>
        <source>with γ and β</source>
        <translation>γ と β を使う</translation>
    </message>
    <message>
        <source>test time: the running averages</source>
        <translation>テスト時: 移動平均を使う</translation>
    </message>
    <message>
        <source>dγ and dβ</source>
        <translation>dγ と dβ</translation>
    </message>
    <message>
        <source>raised an error</source>
        <extracomment>Why a case failed, by reason code.</extracomment>
        <translation>エラーが発生</translation>
    </message>
    <message>
        <source>wrong value</source>
        <translation>値が違う</translation>
    </message>
    <message>
        <source>wrong shape</source>
        <translation>形状が違う</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>型が違う</translation>
    </message>
    <message>
        <source>inf or nan</source>
        <translation>inf または nan</translation>
    </message>
    <message>
        <source>changed its input</source>
        <translation>入力を書き換えた</translation>
    </message>
    <message>
        <source>ran out of memory</source>
        <translation>メモリ不足</translation>
    </message>
    <message>
        <source>did not finish in time</source>
        <translation>時間内に終わらなかった</translation>
    </message>
    <message>
        <source>the process crashed</source>
        <translation>プロセスがクラッシュした</translation>
    </message>
    <message>
        <source>ended the process</source>
        <translation>プロセスを終了させた</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Chapter {0} · {1}</source>
        <extracomment>A file to try the checker on: a few of the book&apos;s functions, some with a known slip.</extracomment>
        <translation>{0}章 · {1}</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Open .py file…</source>
        <extracomment>Emitted with the report when a check ends (whatever the verdict).</extracomment>
        <translation>.py ファイルを開く…</translation>
    </message>
    <message>
        <source>Load your own code from a file (at most 1 MB)</source>
        <translation>自分のコードをファイルから読み込みます（最大 1 MB）</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Put a small example with some of the common mistakes into the editor</source>
        <translation>よくある間違いをいくつか含む小さなサンプルをエディタに入れます</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <source>Run your functions against ZDL Studio&apos;s own implementation</source>
        <translation>自分の関数を実行し、ZDL Studio 自身の実装と結果を比べます</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>import numpy as np

def sigmoid(x):
    ...</source>
        <translation>import numpy as np

def sigmoid(x):
    ...</translation>
    </message>
    <message>
        <source>Function / case</source>
        <translation>関数 / ケース</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>似ている間違い</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>Latest result</source>
        <translation>最新の結果</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>チェック日時</translation>
    </message>
    <message>
        <source>Your latest result for every function the checker knows, by chapter.</source>
        <translation>チェックできるすべての関数について、最新の結果を章ごとに示します。</translation>
    </message>
    <message>
        <source>What your code printed (the first 64,000 characters).</source>
        <translation>あなたのコードが出力した内容です（先頭の 64,000 文字まで）。</translation>
    </message>
    <message>
        <source>Show this mistake in the gallery</source>
        <translation>この間違いをギャラリーで見る</translation>
    </message>
    <message>
        <source>Select a function or a case to see its input, the expected value and yours.</source>
        <translation>関数またはケースを選ぶと、入力、期待される値、あなたのコードの値が表示されます。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>まだチェックしていません。</translation>
    </message>
    <message>
        <source>Your code runs in a separate process for at most {0} s and {1} MiB of memory.</source>
        <translation>コードは別のプロセスで実行され、時間は最大 {0} 秒、メモリは最大 {1} MiB に制限されます。</translation>
    </message>
    <message>
        <source>Your code runs in a separate process for at most {0} s (memory is not limited on this system).</source>
        <translation>コードは別のプロセスで最大 {0} 秒まで実行されます（このシステムではメモリは制限されません）。</translation>
    </message>
    <message>
        <source>Paste your sigmoid, softmax, cross_entropy_error, numerical_gradient, Relu, Affine, SoftmaxWithLoss, TwoLayerNet, an optimizer …</source>
        <translation>自分で書いた sigmoid、softmax、cross_entropy_error、numerical_gradient、Relu、Affine、SoftmaxWithLoss、TwoLayerNet、最適化手法 … を貼り付けてください。</translation>
    </message>
    <message>
        <source>Code under if __name__ == &quot;__main__&quot;: is not run.</source>
        <translation>if __name__ == &quot;__main__&quot;: の下のコードは実行されません。</translation>
    </message>
    <message>
        <source>Open your code</source>
        <translation>コードを開く</translation>
    </message>
    <message>
        <source>Python files (*.py);;All files (*)</source>
        <translation>Python ファイル (*.py);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>{0} is too large ({1} bytes; at most {2} bytes are read).</source>
        <translation>{0} は大きすぎます（{1} バイト。読み込めるのは {2} バイトまでです）。</translation>
    </message>
    <message>
        <source>{0} is not a text file (it contains NUL bytes).</source>
        <translation>{0} はテキストファイルではありません（NUL バイトを含んでいます）。</translation>
    </message>
    <message>
        <source>{0} could not be read as text: byte {1} is neither UTF-8 nor Shift_JIS (cp932). Save the file as UTF-8 and open it again.</source>
        <translation>{0} をテキストとして読み込めませんでした。位置 {1} のバイトが UTF-8 としても Shift_JIS（cp932）としても読めません。ファイルを UTF-8 で保存してから、もう一度開いてください。</translation>
    </message>
    <message>
        <source>{0} could not be opened: {1}</source>
        <translation>{0} を開けませんでした: {1}</translation>
    </message>
    <message>
        <source>{0} is not UTF-8; it was read as Shift_JIS ({1}). Check that the Japanese text looks right.</source>
        <translation>{0} は UTF-8 ではないため、Shift_JIS（{1}）として読み込みました。日本語が正しく表示されているか確認してください。</translation>
    </message>
    <message>
        <source>{0} is empty: there is nothing to check.</source>
        <translation>{0} は空です。チェックするものがありません。</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>{0} をチェックしています…</translation>
    </message>
    <message>
        <source>Starting Python…</source>
        <translation>Python を起動しています…</translation>
    </message>
    <message>
        <source>Running {0}: {1}…</source>
        <translation>{0} を実行中: {1}…</translation>
    </message>
    <message>
        <source>(cut: it printed more)</source>
        <translation>（以降は省略しました。出力はさらに続いていました）</translation>
    </message>
    <message>
        <source>{0} of {1} checked functions passed every case.</source>
        <translation>チェックした {1} 個の関数のうち、{0} 個がすべてのケースに合格しました。</translation>
    </message>
    <message>
        <source>Defined but not callable after your file ran: {0}.</source>
        <translation>定義されていますが、ファイルの実行後に呼び出せなかったもの: {0}。</translation>
    </message>
    <message>
        <source>There is no code to check: paste your functions or open a .py file.</source>
        <translation>チェックするコードがありません。関数を貼り付けるか、.py ファイルを開いてください。</translation>
    </message>
    <message>
        <source>The code is too large to check ({0} characters; at most {1}).</source>
        <translation>コードが大きすぎるため、チェックできません（{0} 文字。最大 {1} 文字）。</translation>
    </message>
    <message>
        <source>Syntax error on line {0}, column {1}: {2}</source>
        <translation>{0} 行目、{1} 列目に構文エラーがあります: {2}</translation>
    </message>
    <message>
        <source>No function or class the checker knows was found. It checks: {0}.</source>
        <translation>チェックできる関数やクラスが見つかりませんでした。チェックの対象: {0}。</translation>
    </message>
    <message>
        <source>Your file imports the module &apos;{0}&apos;, which is not available here. The checker runs only the code in the editor: paste the functions it needs (for example from common/functions.py) instead of importing them.</source>
        <translation>ファイルがモジュール「{0}」をインポートしていますが、ここでは利用できません。チェックではエディタ内のコードだけを実行します。必要な関数は、インポートする代わりに（たとえば common/functions.py から）貼り付けてください。</translation>
    </message>
    <message>
        <source>Running your file raised {0} on line {1}: {2}</source>
        <translation>ファイルの実行中に、{1} 行目で {0} が発生しました: {2}</translation>
    </message>
    <message>
        <source>Your code called sys.exit({0}){1}. Nothing after it could run.</source>
        <translation>コードが sys.exit({0}) を呼び出しました{1}。それ以降は実行できませんでした。</translation>
    </message>
    <message>
        <source>The process running your code ended early with exit code {0}{1} (os._exit?).</source>
        <translation>コードを実行しているプロセスが、終了コード {0} で途中終了しました{1}。os._exit を呼び出していませんか?</translation>
    </message>
    <message>
        <source>Your code did not finish within {0} s and was stopped{1}.</source>
        <translation>コードが {0} 秒以内に終わらなかったため、中止しました{1}。</translation>
    </message>
    <message>
        <source>Your code ran out of memory (MemoryError).</source>
        <translation>コードの実行中にメモリが足りなくなりました（MemoryError）。</translation>
    </message>
    <message>
        <source>Your code ran out of memory (limit {0} MiB).</source>
        <translation>コードの実行中にメモリが足りなくなりました（上限 {0} MiB）。</translation>
    </message>
    <message>
        <source>The process running your code crashed (exit code {0}){1}.</source>
        <translation>コードを実行しているプロセスが、終了コード {0} でクラッシュしました{1}。</translation>
    </message>
    <message>
        <source>Stopped{0}.</source>
        <translation>中止しました{0}。</translation>
    </message>
    <message>
        <source>Python could not be started to run your code: {0}</source>
        <translation>コードを実行するための Python を起動できませんでした: {0}</translation>
    </message>
    <message>
        <source>The check did not report properly; try again.</source>
        <translation>チェックの結果を正しく受け取れませんでした。もう一度試してください。</translation>
    </message>
    <message>
        <source> while checking {0} ({1})</source>
        <translation>（{0} の「{1}」をチェック中）</translation>
    </message>
    <message>
        <source> while running your file&apos;s top-level code</source>
        <translation>（ファイルのトップレベルのコードを実行中）</translation>
    </message>
    <message>
        <source>{0}/{1} passed</source>
        <translation>{0}/{1} 合格</translation>
    </message>
    <message>
        <source>{0} (§{1}): {2} of {3} cases passed.</source>
        <translation>{0}（§{1}）: {3} ケース中 {2} ケースに合格しました。</translation>
    </message>
    <message>
        <source>Looks like {0}: {1}</source>
        <translation>よくある間違い {0} に似ています: {1}</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>期待される値</translation>
    </message>
    <message>
        <source>Your code gave</source>
        <translation>あなたのコードの値</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>未チェック</translation>
    </message>
    <message>
        <source>passed {0}/{1}</source>
        <translation>合格 {0}/{1}</translation>
    </message>
    <message>
        <source>failed: {0}/{1} passed</source>
        <translation>不合格: {0}/{1} 合格</translation>
    </message>
</context>
<context>
    <name>CodeCheckTab</name>
    <message>
        <source>Check my code</source>
        <translation>自分のコードをチェック</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Press Start to train the three networks side by side.</source>
        <translation>「開始」を押すと、3 つのネットワークを並べて学習させます。</translation>
    </message>
    <message>
        <source>Update {0} of {1} for each of the three networks ({2}).</source>
        <translation>3 つのネットワークとも、{1} 回中 {0} 回の更新が済みました（{2}）。</translation>
    </message>
    <message>
        <source>{0}: loss {1}, test accuracy {2}</source>
        <translation>{0}: 損失関数の値 {1}、テストデータの認識精度 {2}</translation>
    </message>
    <message>
        <source>Fig. 6-15: a ReLU network with 4 hidden layers of 100 units trained by SGD (η = 0.01, batches of 128) from three kinds of initial weights. With std 0.01 the signal vanishes and the loss stays at −log(1/10) ≈ 2.30; Xavier and He learn.</source>
        <translation>図 6-15: 活性化関数に ReLU を使い、100 個のニューロンからなる隠れ層を 4 層持つネットワークを、3 種類の重みの初期値から SGD（η = 0.01、バッチサイズ 128）で学習させます。標準偏差 0.01 では信号が消えてしまい、損失関数の値は −log(1/10) ≈ 2.30 のままです。Xavier と He の初期値では学習が進みます。</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>イテレーション数</translation>
    </message>
    <message>
        <source>Train the three networks on the chosen data.</source>
        <translation>選んだデータで 3 つのネットワークを学習させます。</translation>
    </message>
    <message>
        <source>Loss (smoothed) by initial weights (Fig. 6-15)</source>
        <translation>重みの初期値ごとの損失関数の値（平滑化後、図 6-15）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失関数の値</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>イテレーション</translation>
    </message>
</context>
<context>
    <name>DatasetView</name>
    <message>
        <source>Samples per class</source>
        <extracomment>Sample images shown per class.</extracomment>
        <translation>クラスごとのデータ数</translation>
    </message>
    <message>
        <source>count</source>
        <translation>個数</translation>
    </message>
    <message>
        <source>class</source>
        <translation>クラス</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練データ</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テストデータ</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>データを読み込んでいます…</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>データの例</translation>
    </message>
    <message>
        <source>{0}×{1} pixel images</source>
        <translation>{0}×{1} ピクセルの画像</translation>
    </message>
    <message>
        <source>The first {0} training images of each class</source>
        <translation>各クラスの最初の {0} 枚の訓練画像</translation>
    </message>
    <message>
        <source>points in the plane</source>
        <translation>平面上の点</translation>
    </message>
    <message>
        <source>Training points (filled) and test points (rings)</source>
        <translation>訓練データの点（塗りつぶし）とテストデータの点（白抜き）</translation>
    </message>
    <message>
        <source>{0}: {1} training and {2} test samples, {3}, {4} classes ({5} inputs per sample).</source>
        <translation>{0}: 訓練データ {1} 個、テストデータ {2} 個、{3}、{4} クラス（1 データあたりの入力は {5} 個）。</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation>境界線</translation>
    </message>
    <message>
        <source>Shaded: the class the network predicts at each point, stronger where it is surer. Dots: training points; rings: test points.</source>
        <translation>背景の色は各点でネットワークが予測するクラスで、確信が強いところほど濃くなります。塗りつぶしの点は訓練データ、白抜きの点はテストデータです。</translation>
    </message>
    <message>
        <source>Choose one of the 2-D point sets as data to see a decision boundary.</source>
        <translation>境界線を見るには、データとして 2 次元の点のデータセットを選んでください。</translation>
    </message>
    <message>
        <source>Start a run to see the boundary form.</source>
        <translation>学習を開始すると、境界線ができていく様子を見られます。</translation>
    </message>
    <message>
        <source>What the network predicts after {0} updates.</source>
        <translation>{0} 回の更新後にネットワークが予測するクラスです。</translation>
    </message>
</context>
<context>
    <name>DerivativePage</name>
    <message>
        <source>The book&apos;s f(x) = 0.01x² + 0.1x</source>
        <extracomment>Titles of the presets, translated where shown.</extracomment>
        <translation>本書の f(x) = 0.01x² + 0.1x</translation>
    </message>
    <message>
        <source>f(x) = x²</source>
        <translation>f(x) = x²</translation>
    </message>
    <message>
        <source>f(x) = sin x</source>
        <translation>f(x) = sin x</translation>
    </message>
    <message>
        <source>f(x) = eˣ</source>
        <translation>f(x) = eˣ</translation>
    </message>
    <message>
        <source>f(x) = 1/x (undefined at 0)</source>
        <translation>f(x) = 1/x（0 では定義されない）</translation>
    </message>
    <message>
        <source>f(x) = |x| (a corner at 0, like ReLU)</source>
        <translation>f(x) = |x|（ReLU のように 0 で折れ曲がる）</translation>
    </message>
    <message>
        <source>Your own f(x)</source>
        <translation>自分で入力する f(x)</translation>
    </message>
    <message>
        <source>h must be a finite number.</source>
        <translation>h には有限の数を入力してください。</translation>
    </message>
    <message>
        <source>h must be greater than 0: with h = {0} there is no step to divide by.</source>
        <translation>h は 0 より大きくしてください。h = {0} では、差分をとる幅になりません。</translation>
    </message>
    <message>
        <source>No exact derivative here:
the errors cannot be measured.</source>
        <translation>ここでは真の微分が求まらないため、
誤差を測れません。</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前方差分</translation>
    </message>
    <message>
        <source>central</source>
        <translation>中心差分</translation>
    </message>
    <message>
        <source>float64, for comparison</source>
        <translation>float64（比較用）</translation>
    </message>
    <message>
        <source>current h</source>
        <translation>現在の h</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>存在しない</translation>
    </message>
    <message>
        <source>Showing the result for the last valid input: f(x) = {0}, h = {1}.</source>
        <translation>最後に有効だった入力の結果を表示しています: f(x) = {0}、h = {1}。</translation>
    </message>
    <message>
        <source>Read as: f(x) = {0}</source>
        <translation>解釈した式: f(x) = {0}</translation>
    </message>
    <message>
        <source>Exact derivative: f′(x) = {0}</source>
        <translation>真の微分: f′(x) = {0}</translation>
    </message>
    <message>
        <source>Exact derivative: computed from your formula by the rules of differentiation (automatic differentiation), not by a difference.</source>
        <translation>真の微分: 差分ではなく、入力した式から微分の公式に従って求めています（自動微分）。</translation>
    </message>
    <message>
        <source>f({0}) = {1}: f is not defined at x = {0}. Move the point.</source>
        <translation>f({0}) = {1}: f は x = {0} で定義されていません。点を動かしてください。</translation>
    </message>
    <message>
        <source>In {0}, h = {1} becomes 0 (np.{0}({1}) = 0.0): the differences are 0 / 0 = nan.</source>
        <translation>{0} では h = {1} が 0 になります（np.{0}({1}) = 0.0）。そのため、差分は 0 / 0 = nan です。</translation>
    </message>
    <message>
        <source>In {0}, x + h = x: the step h = {1} is smaller than the gap between {0} numbers near x = {2}, so it is lost in rounding and f(x + h) − f(x) = 0.</source>
        <translation>{0} では x + h = x になります。幅 h = {1} が、x = {2} の付近で隣り合う {0} の数どうしの間隔より小さいため、丸めで消えてしまい、f(x + h) − f(x) = 0 となります。</translation>
    </message>
    <message>
        <source>f(x + h) or f(x − h) is not defined: x is closer than h to where f stops being defined.</source>
        <translation>f(x + h) または f(x − h) が定義されていません。x から f が定義されなくなる点までの距離が、h より短いためです。</translation>
    </message>
    <message>
        <source>f has no derivative at x = {0}: the slope from the left differs from the slope from the right (the forward difference says {1}, the central one {2}).</source>
        <translation>f は x = {0} で微分できません。左側からの傾きと右側からの傾きが異なるためです（前方差分では {1}、中心差分では {2}）。</translation>
    </message>
    <message>
        <source>The derivative at x = {0} is infinite.</source>
        <translation>x = {0} での微分は無限大です。</translation>
    </message>
    <message>
        <source>Function f(x)</source>
        <translation>関数 f(x)</translation>
    </message>
    <message>
        <source>Formula (x, + − * / ^, exp, log, sin, …):</source>
        <translation>式（x, + − * / ^, exp, log, sin, …）:</translation>
    </message>
    <message>
        <source>Type f(x) as you would write it: 0.01x^2 + 0.1x, sin(x)/x, |x|, sigmoid(x). Functions: exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu; constants pi and e.</source>
        <translation>f(x) を、ふだん書くとおりに入力してください（例: 0.01x^2 + 0.1x、sin(x)/x、|x|、sigmoid(x)）。使える関数: exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu。定数: pi と e。</translation>
    </message>
    <message>
        <source>Point x and step h</source>
        <translation>点 x と幅 h</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Or drag the point on the curve.</source>
        <translation>曲線上の点をドラッグしても変えられます。</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>The step of the difference, from 1e-1 to 1e-16; any positive number can be typed.</source>
        <translation>差分をとる幅です（1e-1 〜 1e-16）。正の数なら、どんな値でも入力できます。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>float32 keeps about 7 significant digits, float64 about 16.</source>
        <translation>有効数字は float32 で約 7 桁、float64 で約 16 桁です。</translation>
    </message>
    <message>
        <source>Values at x</source>
        <translation>x での値</translation>
    </message>
    <message>
        <source>f′(x) ≈</source>
        <translation>f′(x) ≈</translation>
    </message>
    <message>
        <source>error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>真の値</translation>
    </message>
    <message>
        <source>forward: (f(x + h) − f(x)) / h — error ∝ h
central: (f(x + h) − f(x − h)) / 2h — error ∝ h²
error: |difference − exact|</source>
        <translation>前方差分: (f(x + h) − f(x)) / h — 誤差 ∝ h
中心差分: (f(x + h) − f(x − h)) / 2h — 誤差 ∝ h²
誤差: |差分 − 真の値|</translation>
    </message>
    <message>
        <source>Why not h = 1e-50?</source>
        <translation>なぜ h = 1e-50 ではいけないのか</translation>
    </message>
    <message>
        <source>np.float32(1e-50) is {0}: float32 cannot hold so small a number. Even in float64, 5 + 1e-50 is exactly 5, so the forward difference at x = 5 is {1}. Rounding error is why the book takes h = 1e-4.</source>
        <translation>np.float32(1e-50) は {0} です。float32 では、これほど小さな数を表せません。float64 でも 5 + 1e-50 はちょうど 5 になるため、x = 5 での前方差分は {1} です。本書が h = 1e-4 を使うのは、この丸め誤差のためです。</translation>
    </message>
    <message>
        <source>Try h = 1e-50</source>
        <translation>h = 1e-50 を試す</translation>
    </message>
    <message>
        <source>f(x), the tangent (central) and the secant (forward)</source>
        <translation>f(x) と接線（中心差分）、割線（前方差分）</translation>
    </message>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>Drag the point along the curve; the wheel zooms.</source>
        <translation>点は曲線に沿ってドラッグできます。ホイールで拡大・縮小します。</translation>
    </message>
    <message>
        <source>tangent, slope = central difference</source>
        <translation>接線（傾き = 中心差分）</translation>
    </message>
    <message>
        <source>secant through x and x + h</source>
        <translation>x と x + h を通る割線</translation>
    </message>
    <message>
        <source>Zoom on x ± 2h</source>
        <translation>x ± 2h の拡大</translation>
    </message>
    <message>
        <source>(f(t) − f(x)) / h</source>
        <translation>(f(t) − f(x)) / h</translation>
    </message>
    <message>
        <source>(t − x) / h</source>
        <translation>(t − x) / h</translation>
    </message>
    <message>
        <source>Error against h</source>
        <translation>h と誤差の関係</translation>
    </message>
    <message>
        <source>|error|</source>
        <translation>|誤差|</translation>
    </message>
</context>
<context>
    <name>DescentPage</name>
    <message>
        <source>The book&apos;s f = x0² + x1²</source>
        <translation>本書の f = x0² + x1²</translation>
    </message>
    <message>
        <source>An elongated bowl x0²/20 + x1² (§6.1)</source>
        <translation>細長いお椀 x0²/20 + x1²（§6.1）</translation>
    </message>
    <message>
        <source>Two valleys (not convex)</source>
        <translation>2 つの谷（凸でない）</translation>
    </message>
    <message>
        <source>Your own f(x0, x1)</source>
        <translation>自分で入力する f(x0, x1)</translation>
    </message>
    <message>
        <source>The book&apos;s learning rate: converges.</source>
        <translation>本書の学習率: 収束します。</translation>
    </message>
    <message>
        <source>Too large: the path blows up.</source>
        <translation>大きすぎる: 経路が発散します。</translation>
    </message>
    <message>
        <source>Too small: the path barely moves.</source>
        <translation>小さすぎる: 経路がほとんど動きません。</translation>
    </message>
    <message>
        <source>Jumps across the valley and back.</source>
        <translation>谷を挟んで行ったり来たりします。</translation>
    </message>
    <message>
        <source>On x0² + x1² this lands on the minimum in one step.</source>
        <translation>x0² + x1² では、1 ステップで最小値に到達します。</translation>
    </message>
    <message>
        <source>The learning rate must be a finite number.</source>
        <translation>学習率には有限の数を入力してください。</translation>
    </message>
    <message>
        <source>The learning rate must be greater than 0: with {0} the path would not move or would climb uphill.</source>
        <translation>学習率は 0 より大きくしてください。{0} では、経路が動かないか、坂を登ってしまいます。</translation>
    </message>
    <message>
        <source>contours of f</source>
        <translation>f の等高線</translation>
    </message>
    <message>
        <source>−∇f</source>
        <translation>−∇f</translation>
    </message>
    <message>
        <source>descent path</source>
        <translation>降下の経路</translation>
    </message>
    <message>
        <source>∇f = 0</source>
        <translation>∇f = 0</translation>
    </message>
    <message>
        <source>At ({0}, {1}): f = {2}</source>
        <translation>点 ({0}, {1}): f = {2}</translation>
    </message>
    <message>
        <source>∇f = ({0}, {1}) (numerical, h = 1e-4)</source>
        <translation>∇f = ({0}, {1})（数値微分、h = 1e-4）</translation>
    </message>
    <message>
        <source>exact: ({0}, {1})</source>
        <translation>真の値: ({0}, {1})</translation>
    </message>
    <message>
        <source>|∇f| = {0}; the arrow −∇f points downhill.</source>
        <translation>|∇f| = {0}。矢印 −∇f は下り坂の方向を指します。</translation>
    </message>
    <message>
        <source>f along x0, x1 = {0} fixed</source>
        <translation>x1 = {0} に固定したときの x0 方向の f</translation>
    </message>
    <message>
        <source>Slope of the slice at x0 = {0}: ∂f/∂x0 = {1} (numerical_diff of f(x0, {2}))</source>
        <translation>x0 = {0} での断面の傾き: ∂f/∂x0 = {1}（f(x0, {2}) の numerical_diff）</translation>
    </message>
    <message>
        <source>f along x1, x0 = {0} fixed</source>
        <translation>x0 = {0} に固定したときの x1 方向の f</translation>
    </message>
    <message>
        <source>Slope of the slice at x1 = {0}: ∂f/∂x1 = {1} (numerical_diff of f({2}, x1))</source>
        <translation>x1 = {0} での断面の傾き: ∂f/∂x1 = {1}（f({2}, x1) の numerical_diff）</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <source>Showing the last valid run: f = {0}, learning rate {1}. Press Play again once the input is fixed.</source>
        <translation>最後に有効だった実行結果を表示しています: f = {0}、学習率 {1}。入力を直したら、もう一度「再生」を押してください。</translation>
    </message>
    <message>
        <source>Read as: f(x0, x1) = {0}</source>
        <translation>解釈した式: f(x0, x1) = {0}</translation>
    </message>
    <message>
        <source>Press Play or Step to start from {0}.</source>
        <translation>「再生」か「1 ステップ進む」を押すと、{0} から始まります。</translation>
    </message>
    <message>
        <source>Diverged: x overflowed to inf or nan by step {0} — the learning rate is too large.</source>
        <translation>発散: {0} ステップ目までに x がオーバーフローして inf か nan になりました。学習率が大きすぎます。</translation>
    </message>
    <message>
        <source>Diverged: |x| reached {0} after {1} steps — the learning rate is too large.</source>
        <translation>発散: {1} ステップで |x| が {0} に達しました。学習率が大きすぎます。</translation>
    </message>
    <message>
        <source>Converged: after {0} steps x = {1} and |∇f| = {2}.</source>
        <translation>収束: {0} ステップで x = {1}、|∇f| = {2} になりました。</translation>
    </message>
    <message>
        <source>Barely moved: after {0} steps x is only {1} away from the start — the learning rate is too small.</source>
        <translation>ほとんど動いていません: {0} ステップ進んでも、x は出発点から {1} しか離れていません。学習率が小さすぎます。</translation>
    </message>
    <message>
        <source>Oscillating: x jumps back and forth across the valley and |∇f| does not shrink — the learning rate is too large for the steep direction.</source>
        <translation>振動: x が谷を挟んで行ったり来たりし、|∇f| が小さくなりません。傾きが急な方向に対して、学習率が大きすぎます。</translation>
    </message>
    <message>
        <source>f grows: from {0} to {1} in {2} steps — the learning rate is too large.</source>
        <translation>f が増えています: {2} ステップで {0} から {1} になりました。学習率が大きすぎます。</translation>
    </message>
    <message>
        <source>Not there yet: after {0} steps |∇f| = {1}. Take more steps or a larger learning rate.</source>
        <translation>まだ収束していません: {0} ステップで |∇f| = {1} です。ステップ数を増やすか、学習率を大きくしてください。</translation>
    </message>
    <message>
        <source>This is a saddle point: ∇f = 0 here too, yet f is lower on both sides along x0.</source>
        <translation>ここは鞍点です。ここでも ∇f = 0 ですが、x0 方向には両側とも f がより小さくなります。</translation>
    </message>
    <message>
        <source>This is a local minimum (f = {0}); the lowest point is at ({1}, {2}) with f = {3}. Gradient descent stops at the first valley it reaches.</source>
        <translation>ここは局所的な最小値です（f = {0}）。最も低い点は ({1}, {2}) で、f = {3} です。勾配降下法は、最初にたどり着いた谷で止まります。</translation>
    </message>
    <message>
        <source>Function f(x0, x1)</source>
        <translation>関数 f(x0, x1)</translation>
    </message>
    <message>
        <source>Type f in x0 and x1 (or x and y): x0^2 + x1^2, x0^2/20 + x1^2, sin(x0) + x1^2 … Functions: exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu.</source>
        <translation>f を x0 と x1（または x と y）の式で入力してください（例: x0^2 + x1^2、x0^2/20 + x1^2、sin(x0) + x1^2 …）。使える関数: exp, log, sqrt, sin, cos, tan, tanh, abs, sigmoid, relu。</translation>
    </message>
    <message>
        <source>Gradient at a point</source>
        <translation>点における勾配</translation>
    </message>
    <message>
        <source>Click the plot to read ∇f anywhere.</source>
        <translation>グラフをクリックすると、その点の ∇f を表示します。</translation>
    </message>
    <message>
        <source>Click to read ∇f; drag the ⊕ to move the start. The arrows −∇f point downhill where they stand — on the elongated bowl not at the minimum.</source>
        <translation>クリックすると、その点の ∇f を表示します。⊕ をドラッグすると出発点を動かせます。矢印 −∇f はそれぞれの場所で下り坂の方向を指しますが、細長いお椀では最小値の方向を指していません。</translation>
    </message>
    <message>
        <source>Slice: vary x0, x1 fixed (∂f/∂x0)</source>
        <translation>断面: x1 を固定して x0 を動かす（∂f/∂x0）</translation>
    </message>
    <message>
        <source>Slice: vary x1, x0 fixed (∂f/∂x1)</source>
        <translation>断面: x0 を固定して x1 を動かす（∂f/∂x1）</translation>
    </message>
    <message>
        <source>Gradient descent x ← x − η∇f</source>
        <translation>勾配降下法 x ← x − η∇f</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>出発点</translation>
    </message>
    <message>
        <source>x0 of the start; or drag the ⊕ on the plot.</source>
        <translation>出発点の x0 です。グラフ上の ⊕ をドラッグしても変えられます。</translation>
    </message>
    <message>
        <source>x1 of the start; or drag the ⊕ on the plot.</source>
        <translation>出発点の x1 です。グラフ上の ⊕ をドラッグしても変えられます。</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学習率 η</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>試す値</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>f(x0, x1), −∇f and the descent path</source>
        <translation>f(x0, x1)、−∇f と降下の経路</translation>
    </message>
    <message>
        <source>f</source>
        <translation>f</translation>
    </message>
    <message>
        <source>One row per step: the point and ∇f there.</source>
        <translation>1 行が 1 ステップです。その点の座標と、そこでの ∇f を示します。</translation>
    </message>
</context>
<context>
    <name>DotShapesPage</name>
    <message>
        <source>Showing the last valid shapes: A {0}, B {1}.</source>
        <translation>最後に正しく入力された形状を表示しています: A {0}、B {1}</translation>
    </message>
    <message>
        <source>Shapes of A and B</source>
        <translation>A と B の形状</translation>
    </message>
    <message>
        <source>Swap A and B</source>
        <translation>A と B を入れ替える</translation>
    </message>
    <message>
        <source>Type 2, 3 or 2x3 or (2, 3) for 2 rows and 3 columns, or 3 for a 1-D array. The arrows change one dimension at a time.</source>
        <translation>2 行 3 列なら 2, 3、2x3、(2, 3) のいずれか、1 次元配列なら 3 のように入力します。矢印ボタンでは次元を 1 つずつ変えられます。</translation>
    </message>
    <message>
        <source>Examples from the book</source>
        <translation>本書の例</translation>
    </message>
    <message>
        <source>What NumPy says</source>
        <translation>NumPy の結果</translation>
    </message>
    <message>
        <source>no result</source>
        <translation>結果なし</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

ZDL Studio keeps running; what you entered is kept.</source>
        <translation>問題が発生しました: {0}

ZDL Studio はこのまま使えます。入力した内容は残っています。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
</context>
<context>
    <name>GradientTab</name>
    <message>
        <source>Type a number, for example 1e-4.</source>
        <translation>数を入力してください（例: 1e-4）。</translation>
    </message>
    <message>
        <source>Type a single number.</source>
        <translation>数を 1 つだけ入力してください。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number.</source>
        <translation>「{0}」は数ではありません。</translation>
    </message>
    <message>
        <source>This is not a number: {0}</source>
        <translation>数ではありません: {0}</translation>
    </message>
    <message>
        <source>Type a formula, for example {0}.</source>
        <translation>式を入力してください（例: {0}）。</translation>
    </message>
    <message>
        <source>The formula is longer than {0} characters.</source>
        <translation>式が {0} 文字を超えています。</translation>
    </message>
    <message>
        <source>The formula is nested more than {0} levels deep.</source>
        <translation>式の入れ子が {0} 段より深くなっています。</translation>
    </message>
    <message>
        <source>The exponent at position {0} is {1}: exponents beyond ±{2} are refused, the result could not be a float64 number anyway.</source>
        <translation>{0} 文字目の指数は {1} です。±{2} を超える指数は受け付けません。いずれにしても、結果を float64 の数で表せないためです。</translation>
    </message>
    <message>
        <source>The number &apos;{0}&apos; at position {1} is too large for float64.</source>
        <translation>{1} 文字目の数「{0}」は、float64 で表すには大きすぎます。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} cannot be used; write {2} instead.</source>
        <translation>{1} 文字目の「{0}」は使えません。代わりに {2} と書いてください。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not part of a formula.</source>
        <translation>{1} 文字目の「{0}」は式に使えない文字です。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not a number.</source>
        <translation>{1} 文字目の「{0}」は数ではありません。</translation>
    </message>
    <message>
        <source>The formula ends too early: something is missing at the end.</source>
        <translation>式が途中で終わっています。最後に何かが足りません。</translation>
    </message>
    <message>
        <source>{0} needs its argument in parentheses, e.g. {0}(x).</source>
        <translation>{0} の引数はかっこで囲んでください（例: {0}(x)）。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} cannot stand here: a number, a variable or &apos;(&apos; is missing before it.</source>
        <translation>{1} 文字目の「{0}」はここには置けません。その前に数、変数、または「(」が必要です。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} cannot stand here: an operator such as + or * is missing before it.</source>
        <translation>{1} 文字目の「{0}」はここには置けません。その前に + や * などの演算子が必要です。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} cannot stand here; &apos;{2}&apos; was expected.</source>
        <translation>{1} 文字目の「{0}」はここには置けません。ここには「{2}」が必要です。</translation>
    </message>
    <message>
        <source>The &apos;)&apos; at position {0} has no matching &apos;(&apos;.</source>
        <translation>{0} 文字目の「)」に対応する「(」がありません。</translation>
    </message>
    <message>
        <source>The &apos;{0}&apos; at position {1} is never closed.</source>
        <translation>{1} 文字目の「{0}」が閉じられていません。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not a variable: use {2}, and pi or e.</source>
        <translation>{1} 文字目の「{0}」は変数ではありません。使えるのは {2} と、pi、e です。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not a function here. Known: {2}.</source>
        <translation>{1} 文字目の「{0}」は、ここで使える関数ではありません。使える関数: {2}。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is Python code, not a formula. Only numbers, the variables, + − * / ^, parentheses and functions such as exp(x) are allowed; nothing is ever run as code.</source>
        <translation>{1} 文字目の「{0}」は Python のコードで、式ではありません。使えるのは数、変数、+ − * / ^、かっこ、exp(x) のような関数だけです。入力がコードとして実行されることはありません。</translation>
    </message>
    <message>
        <source>{0}() at position {1} takes exactly one argument.</source>
        <translation>{1} 文字目の {0}() は、引数をちょうど 1 つとります。</translation>
    </message>
    <message>
        <source>Numerical differentiation and gradient descent</source>
        <translation>数値微分と勾配降下法</translation>
    </message>
    <message>
        <source>Numerical differentiation</source>
        <translation>数値微分</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <source>Why not solve ∇L = 0?</source>
        <translation>なぜ ∇L = 0 を解かないのか</translation>
    </message>
</context>
<context>
    <name>GraphTab</name>
    <message>
        <source>Buying apples</source>
        <extracomment>The graphs in the chooser: (id of core.graph_trace.BUILDERS, shown name, book sections).</extracomment>
        <translation>りんごの買い物</translation>
    </message>
    <message>
        <source>Apples and oranges</source>
        <translation>りんごとみかんの買い物</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>加算ノード</translation>
    </message>
    <message>
        <source>Multiply node</source>
        <translation>乗算ノード</translation>
    </message>
    <message>
        <source>ReLU layer</source>
        <translation>ReLU レイヤ</translation>
    </message>
    <message>
        <source>Sigmoid layer</source>
        <translation>Sigmoid レイヤ</translation>
    </message>
    <message>
        <source>Affine layer</source>
        <translation>Affine レイヤ</translation>
    </message>
    <message>
        <source>Softmax-with-Loss layer</source>
        <translation>Softmax-with-Loss レイヤ</translation>
    </message>
    <message>
        <source>Two-layer network</source>
        <translation>2 層ニューラルネットワーク</translation>
    </message>
    <message>
        <source>Upstream derivative dout</source>
        <translation>上流から伝わった微分 dout</translation>
    </message>
    <message>
        <source>Price of one apple (yen)</source>
        <extracomment>The inputs of each graph, named as the builder&apos;s parameters.</extracomment>
        <translation>りんご 1 個の値段（円）</translation>
    </message>
    <message>
        <source>Number of apples</source>
        <translation>りんごの個数</translation>
    </message>
    <message>
        <source>Consumption tax (factor)</source>
        <translation>消費税（倍率）</translation>
    </message>
    <message>
        <source>Price of one orange (yen)</source>
        <translation>みかん 1 個の値段（円）</translation>
    </message>
    <message>
        <source>Number of oranges</source>
        <translation>みかんの個数</translation>
    </message>
    <message>
        <source>x (a number, a vector or a table)</source>
        <translation>x（数、ベクトル、または行列）</translation>
    </message>
    <message>
        <source>Upstream derivative dout (a number or y&apos;s shape)</source>
        <translation>上流から伝わった微分 dout（数、または y と同じ形状）</translation>
    </message>
    <message>
        <source>X: one row per sample (N × 2)</source>
        <translation>X: データごとに 1 行（N × 2）</translation>
    </message>
    <message>
        <source>W: weights (2 × 3)</source>
        <translation>W: 重み（2 × 3）</translation>
    </message>
    <message>
        <source>b: bias, one per column of W</source>
        <translation>b: バイアス（W の列ごとに 1 つ）</translation>
    </message>
    <message>
        <source>Upstream derivative dY (Y&apos;s shape)</source>
        <translation>上流から伝わった微分 dY（Y と同じ形状）</translation>
    </message>
    <message>
        <source>Scores a: one row of 3 classes per sample</source>
        <translation>スコア a: データごとに 3 クラス分を 1 行</translation>
    </message>
    <message>
        <source>Correct classes t: one label per row, or one-hot</source>
        <translation>正解ラベル t: 行ごとにラベル 1 つ、または one-hot 表現</translation>
    </message>
    <message>
        <source>x: one row per sample (N × 2)</source>
        <translation>x: データごとに 1 行（N × 2）</translation>
    </message>
    <message>
        <source>W1: first-layer weights (2 × 3)</source>
        <translation>W1: 1 層目の重み（2 × 3）</translation>
    </message>
    <message>
        <source>b1: first-layer bias (3)</source>
        <translation>b1: 1 層目のバイアス（3）</translation>
    </message>
    <message>
        <source>W2: second-layer weights (3 × 3)</source>
        <translation>W2: 2 層目の重み（3 × 3）</translation>
    </message>
    <message>
        <source>b2: second-layer bias (3)</source>
        <translation>b2: 2 層目のバイアス（3）</translation>
    </message>
    <message>
        <source>Correct classes t: one label per row</source>
        <translation>正解ラベル t: 行ごとにラベル 1 つ</translation>
    </message>
    <message>
        <source>Computational graphs and backpropagation</source>
        <translation>計算グラフと誤差逆伝播法</translation>
    </message>
    <message>
        <source>Computational graph (§5.1)</source>
        <translation>計算グラフ（§5.1）</translation>
    </message>
    <message>
        <source>Choose which of the book&apos;s graphs to step through</source>
        <translation>1 ステップずつたどる本書の計算グラフを選びます</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>A number, a vector such as 1, -2, 3 or a table such as [[1, 2], [3, 4]]; every value and derivative updates as you type.</source>
        <translation>数、1, -2, 3 のようなベクトル、[[1, 2], [3, 4]] のような行列を入力できます。入力するとすぐに、すべての値と微分が更新されます。</translation>
    </message>
    <message>
        <source>Every value and derivative updates at once.</source>
        <translation>すべての値と微分がすぐに更新されます。</translation>
    </message>
    <message>
        <source>Book&apos;s values</source>
        <translation>本書の値</translation>
    </message>
    <message>
        <source>Put back the numbers of the book&apos;s example</source>
        <translation>本書の例の数値に戻します</translation>
    </message>
    <message>
        <source>Expanded into elementary nodes</source>
        <translation>基本的なノードに展開</translation>
    </message>
    <message>
        <source>Checked: the ×(−1), exp, +1 and / nodes, each with its local derivative. Unchecked: one node whose local derivative is y(1 − y).</source>
        <translation>チェックあり: ×(−1)、exp、+1、/ の各ノードを、それぞれの局所的な微分とともに表示します。チェックなし: 局所的な微分が y(1 − y) である 1 つのノードで表示します。</translation>
    </message>
    <message>
        <source>Mistake: reuse one MulLayer</source>
        <translation>間違い: 1 つの MulLayer を使い回す</translation>
    </message>
    <message>
        <source>Use one MulLayer object for both multiplications and see what backward gives</source>
        <translation>2 つの乗算に同じ MulLayer オブジェクトを使い、backward の結果がどうなるかを確かめます</translation>
    </message>
    <message>
        <source>Mistake: ReLU without x.copy()</source>
        <translation>間違い: x.copy() を使わない ReLU</translation>
    </message>
    <message>
        <source>A ReLU whose forward writes out = x instead of out = x.copy()</source>
        <translation>forward で out = x.copy() ではなく out = x と書いた ReLU</translation>
    </message>
    <message>
        <source>No mistake in backward</source>
        <translation>backward に間違いなし</translation>
    </message>
    <message>
        <source>Mistake: dW = Wᵀ·dY (B25)</source>
        <translation>間違い: dW = Wᵀ·dY（B25）</translation>
    </message>
    <message>
        <source>Mistake: dB = dY, not summed (B26)</source>
        <translation>間違い: dB = dY（総和を取らない、B26）</translation>
    </message>
    <message>
        <source>Mistake: dX = dY·W, no transpose (B27)</source>
        <translation>間違い: dX = dY·W（転置しない、B27）</translation>
    </message>
    <message>
        <source>A slip in Affine.backward: see what NumPy makes of it with these shapes</source>
        <translation>Affine.backward の書き間違い: この形状で NumPy がどう扱うかを見ます</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Show the whole graph. Zoom with the mouse wheel, move it by dragging.</source>
        <translation>計算グラフ全体を表示します。マウスホイールで拡大・縮小、ドラッグで移動できます。</translation>
    </message>
    <message>
        <source>Export graph…</source>
        <translation>計算グラフを書き出す…</translation>
    </message>
    <message>
        <source>Save the graph as a PNG image or an SVG drawing</source>
        <translation>計算グラフを PNG 画像または SVG 図として保存します</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>最初から</translation>
    </message>
    <message>
        <source>Back to the start: only the inputs are known</source>
        <translation>最初に戻ります（入力の値だけがわかっている状態）</translation>
    </message>
    <message>
        <source>Compute the next node</source>
        <translation>次のノードを計算します</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Jump to the end: every value and derivative</source>
        <translation>最後まで進め、すべての値と微分を表示します</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>このステップ</translation>
    </message>
    <message>
        <source>Gradient check (§5.7.3)</source>
        <translation>勾配確認（§5.7.3）</translation>
    </message>
    <message>
        <source>Check with numerical derivatives</source>
        <translation>数値微分で確認</translation>
    </message>
    <message>
        <source>Nudges every input by ±h = 1e-4 and compares the change of the output with the derivative backprop found. When backprop is right they differ only by rounding (about 1e-7 or less); a bug makes the difference large.</source>
        <translation>各入力を ±h = 1e-4 だけ動かし、出力の変化を誤差逆伝播法で求めた微分と比べます。誤差逆伝播法が正しければ、差は丸め誤差程度（約 1e-7 以下）にとどまります。バグがあると差が大きくなります。</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <source>Numerical (central difference)</source>
        <translation>数値微分（中心差分）</translation>
    </message>
    <message>
        <source>Largest |difference|</source>
        <translation>|差| の最大値</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>微分</translation>
    </message>
    <message>
        <source>The graph shows the last valid inputs, dimmed; fix the field marked in red to update it.</source>
        <translation>計算グラフは、最後に正しく入力された値のまま薄く表示されています。赤く示された欄を直すと更新されます。</translation>
    </message>
    <message>
        <source>Some values became inf or nan (the outlined nodes): they are too large for float64. exp(x), for example, overflows beyond x ≈ 709.</source>
        <translation>一部の値が inf または nan になりました（枠で囲まれたノード）。float64 で扱える範囲を超えた値です。たとえば exp(x) は x ≈ 709 を超えるとオーバーフローします。</translation>
    </message>
    <message>
        <source>Forward values above the arrows, left to right; &lt;span style=&apos;color:{0}&apos;&gt;&lt;b&gt;derivatives below, right to left&lt;/b&gt;&lt;/span&gt;.</source>
        <translation>矢印の上は順伝播の値（左から右へ）、&lt;span style=&apos;color:{0}&apos;&gt;&lt;b&gt;矢印の下は微分（右から左へ）&lt;/b&gt;&lt;/span&gt;。</translation>
    </message>
    <message>
        <source>In the book: {0}</source>
        <translation>本書の対応箇所: {0}</translation>
    </message>
    <message>
        <source>Backprop and the numerical derivative agree for every input (differences below {0} of the value): the backward pass is right.</source>
        <translation>すべての入力で、誤差逆伝播法と数値微分の結果が一致しました（差は値に対して {0} 未満）。逆伝播は正しく実装されています。</translation>
    </message>
    <message>
        <source>Backprop disagrees with the numerical derivative for: {0}. The backward pass has a bug (or an input sits exactly on a kink, such as ReLU at 0).</source>
        <translation>次の入力で、誤差逆伝播法と数値微分の結果が一致しません: {0}。逆伝播にバグがあります（または、ReLU の 0 のように、入力がちょうど折れ曲がった点にあります）。</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>計算グラフの書き出し</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 図 (*.svg)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした: {1}</translation>
    </message>
</context>
<context>
    <name>GraphText</name>
    <message>
        <source>apple</source>
        <extracomment>The book&apos;s names of the shopping values, shown at the nodes and in the panel.</extracomment>
        <translation>りんご</translation>
    </message>
    <message>
        <source>number of apples</source>
        <translation>りんごの個数</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>みかん</translation>
    </message>
    <message>
        <source>number of oranges</source>
        <translation>みかんの個数</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>消費税</translation>
    </message>
    <message>
        <source>apples&apos; price</source>
        <translation>りんごの金額</translation>
    </message>
    <message>
        <source>oranges&apos; price</source>
        <translation>みかんの金額</translation>
    </message>
    <message>
        <source>price before tax</source>
        <translation>税抜き金額</translation>
    </message>
    <message>
        <source>price to pay</source>
        <translation>支払金額</translation>
    </message>
    <message>
        <source>A × node swaps its inputs: the local derivative for one input is the other input&apos;s value.</source>
        <extracomment>The symbol drawn in each operation node (math, the same in every language). How each kind of node passes derivatives back, in one sentence under the numbers.</extracomment>
        <translation>× ノードは入力をひっくり返します。一方の入力に対する局所的な微分は、もう一方の入力の値です。</translation>
    </message>
    <message>
        <source>A + node passes the upstream derivative on unchanged: its local derivative is 1.</source>
        <translation>+ ノードは、上流から伝わった微分をそのまま下流へ流します。局所的な微分は 1 です。</translation>
    </message>
    <message>
        <source>y = −x: the local derivative is −1.</source>
        <translation>y = −x: 局所的な微分は −1 です。</translation>
    </message>
    <message>
        <source>y = exp(x): the local derivative is exp(x) itself, the node&apos;s own output.</source>
        <translation>y = exp(x): 局所的な微分は exp(x) そのもの、つまりこのノード自身の出力です。</translation>
    </message>
    <message>
        <source>y = x + 1: the local derivative is 1, so the derivative passes through.</source>
        <translation>y = x + 1: 局所的な微分は 1 なので、微分はそのまま通り抜けます。</translation>
    </message>
    <message>
        <source>y = 1/x: the local derivative is −1/x² = −y², from the node&apos;s own output y.</source>
        <translation>y = 1/x: 局所的な微分は −1/x² = −y² で、このノード自身の出力 y から求まります。</translation>
    </message>
    <message>
        <source>ReLU&apos;s local derivative is 1 where the input was positive and 0 where it was not (the mask): the derivative gets through only where the signal did.</source>
        <translation>ReLU の局所的な微分は、入力が正だった要素では 1、そうでなかった要素では 0 です（mask）。順伝播で信号が通った要素だけ、微分も通ります。</translation>
    </message>
    <message>
        <source>The sigmoid&apos;s local derivative is y(1 − y), computed from its own output y; expand the node to see where it comes from.</source>
        <translation>Sigmoid レイヤの局所的な微分は y(1 − y) で、自身の出力 y だけから計算できます。ノードを展開すると、この式がどこから来るのかがわかります。</translation>
    </message>
    <message>
        <source>The transposes are forced by the shapes: each derivative must have the shape of its input, and only these products give it. B is added to every row, so dB sums the rows.</source>
        <translation>転置は形状から決まります。各微分は対応する入力と同じ形状でなければならず、それを満たすのはこの行列の積だけです。B はすべての行に加算されるので、dB は各行の合計になります。</translation>
    </message>
    <message>
        <source>Softmax and the cross-entropy error together give the simple local derivative (y − t)/N: the softmax output minus the one-hot target, divided by the batch size N.</source>
        <translation>ソフトマックス関数と交差エントロピー誤差を組み合わせると、局所的な微分は (y − t)/N というきれいな形になります。ソフトマックス関数の出力から one-hot 表現の正解ラベルを引き、バッチサイズ N で割ったものです。</translation>
    </message>
    <message>
        <source>upstream derivative × local derivative = derivative passed on</source>
        <translation>上流から伝わった微分 × 局所的な微分 = 下流へ伝える微分</translation>
    </message>
    <message>
        <source>Start: only the inputs are known</source>
        <extracomment>The scalar forward rules, written with the numbers put in.</extracomment>
        <translation>開始時: 入力の値だけがわかっている状態</translation>
    </message>
    <message>
        <source>Done: every value and derivative is known</source>
        <translation>完了: すべての値と微分が求まった状態</translation>
    </message>
    <message>
        <source>Forward pass: step {0} of {1}</source>
        <translation>順伝播: ステップ {0}/{1}</translation>
    </message>
    <message>
        <source>Backward pass: step {0} of {1}</source>
        <translation>逆伝播: ステップ {0}/{1}</translation>
    </message>
    <message>
        <source>Press Step or Play. The forward pass computes the nodes from left to right; then the backward pass sends the derivatives back from right to left, each node multiplying what comes from upstream by its own local derivative.</source>
        <translation>「1 ステップ進む」か「再生」を押してください。順伝播では左から右へノードを計算し、続く逆伝播では右から左へ微分を伝えます。各ノードは、上流から伝わった微分に自身の局所的な微分を掛けて下流へ伝えます。</translation>
    </message>
    <message>
        <source>Forward: the {0} node</source>
        <translation>順伝播: {0} ノード</translation>
    </message>
    <message>
        <source>Forward: the {0} node computes {1}</source>
        <translation>順伝播: {0} ノードで {1} を計算</translation>
    </message>
    <message>
        <source>Y = X·W + B: {0}·{1} + {2} → {3}</source>
        <translation>Y = X·W + B: {0}·{1} + {2} → {3}</translation>
    </message>
    <message>
        <source>y = softmax(a), then the cross-entropy error of y and t, averaged over the batch (N = {0}): L = {1}</source>
        <translation>y = softmax(a) を求め、y と t の交差エントロピー誤差をバッチで平均します（N = {0}）: L = {1}</translation>
    </message>
    <message>
        <source>ReLU keeps the positive entries and sets the others to 0.</source>
        <translation>ReLU は正の要素をそのまま残し、それ以外を 0 にします。</translation>
    </message>
    <message>
        <source>Backward starts at the output with ∂L/∂L = 1: the derivative of the output with respect to itself.</source>
        <translation>逆伝播は出力の ∂L/∂L = 1 から始まります。出力をそれ自身で微分した値です。</translation>
    </message>
    <message>
        <source>Backward starts at the output with the upstream derivative dout:</source>
        <translation>逆伝播は、出力に上流から伝わった微分 dout を与えて始まります:</translation>
    </message>
    <message>
        <source>Backward: the {0} node</source>
        <translation>逆伝播: {0} ノード</translation>
    </message>
    <message>
        <source>This MulLayer object also did the forward of the × node with the tax, so it remembers x = {0} and y = {1}: these local derivatives belong to that node.</source>
        <translation>この MulLayer オブジェクトは消費税の × ノードの順伝播も行ったため、x = {0}、y = {1} を覚えています。これらの局所的な微分は、そちらのノードのものです。</translation>
    </message>
    <message>
        <source>to {0}: {1} × {2} = {3}</source>
        <translation>{0} への微分: {1} × {2} = {3}</translation>
    </message>
    <message>
        <source>to {0}, element by element:</source>
        <translation>{0} への微分（要素ごと）:</translation>
    </message>
    <message>
        <source>to {0}: dX = dY·Wᵀ, shapes {1}·{2} → {3}</source>
        <translation>{0} への微分: dX = dY·Wᵀ、形状 {1}·{2} → {3}</translation>
    </message>
    <message>
        <source>to {0}: dW = Xᵀ·dY, shapes {1}·{2} → {3}</source>
        <translation>{0} への微分: dW = Xᵀ·dY、形状 {1}·{2} → {3}</translation>
    </message>
    <message>
        <source>to {0}: dB = dY summed over the batch (axis 0), {1} → {2}</source>
        <translation>{0} への微分: dB = dY をバッチ方向（axis 0）に合計、{1} → {2}</translation>
    </message>
    <message>
        <source>upstream dY =</source>
        <translation>上流から伝わった dY =</translation>
    </message>
    <message>
        <source>to {0}: {1} × (y − t)/N with N = {2}:</source>
        <translation>{0} への微分: {1} × (y − t)/N（N = {2}）:</translation>
    </message>
    <message>
        <source>No derivative flows to t: the labels are given, not learned.</source>
        <translation>t へは微分を流しません。ラベルは与えられるもので、学習するものではないからです。</translation>
    </message>
    <message>
        <source>Backward pass done. The derivative of {0} with respect to each input:</source>
        <translation>逆伝播が完了しました。各入力に関する {0} の微分:</translation>
    </message>
    <message>
        <source>One MulLayer object does both multiplications. Its forward for the tax node overwrote what it had stored for the apple node: it now holds x = {0}, y = {1}. So backward at the apple node gives the apple {2} × {1} = {3} (right: {4}) and the number of apples {2} × {0} = {5} (right: {6}). Give every node its own layer object.</source>
        <translation>1 つの MulLayer オブジェクトで 2 つの乗算を行っています。消費税のノードの順伝播で、りんごのノード用に保持していた値が上書きされ、いまは x = {0}、y = {1} を保持しています。そのため、りんごのノードの逆伝播では、りんごへの微分が {2} × {1} = {3}（正しくは {4}）、りんごの個数への微分が {2} × {0} = {5}（正しくは {6}）になってしまいます。ノードごとに別々のレイヤのオブジェクトを用意しましょう。</translation>
    </message>
    <message>
        <source>Without .copy(), out = x makes out the same array as x, so out[mask] = 0 also zeroes the caller&apos;s x.
x before forward:
{0}
x after forward:
{1}
y and the derivative are still right; the damage shows wherever x is used again. The book&apos;s Relu writes out = x.copy().</source>
        <translation>.copy() がないと、out = x によって out は x と同じ配列になるため、out[mask] = 0 で呼び出し元の x まで 0 に書き換わります。
forward の前の x:
{0}
forward の後の x:
{1}
y と微分は正しいままですが、x をもう一度使うところで影響が出ます。本書の Relu では out = x.copy() と書いています。</translation>
    </message>
    <message>
        <source>{0}: NumPy refuses: {1}. The gradient of {2} must have {2}&apos;s shape {3}, and only {4} gives it.</source>
        <translation>{0}: NumPy が計算を拒否します: {1}。{2} の勾配は {2} と同じ形状 {3} でなければならず、それを与えるのは {4} だけです。</translation>
    </message>
    <message>
        <source>{0} gives shape {1}, but {2} has shape {3}: a gradient always has the shape of what it is the gradient of. The right line: {4}.</source>
        <translation>{0} の形状は {1} ですが、{2} の形状は {3} です。勾配は、微分する対象と常に同じ形状になります。正しい行: {4}。</translation>
    </message>
    <message>
        <source>{0} happens to give {1}&apos;s shape {2} with these inputs, so NumPy says nothing, yet the numbers are wrong; other shapes would give it away. The right line: {3}.</source>
        <translation>この入力では {0} がたまたま {1} と同じ形状 {2} になるので NumPy は何も言いませんが、値は間違っています。別の形状なら間違いが分かります。正しい行: {3}。</translation>
    </message>
    <message>
        <source>Type at least one number, for example 1, -2, 3.</source>
        <translation>数を 1 つ以上入力してください（例: 1, -2, 3）。</translation>
    </message>
    <message>
        <source>There are more than {0} numbers, the most this field takes.</source>
        <translation>数が {0} 個を超えています。この欄に入るのは {0} 個までです。</translation>
    </message>
    <message>
        <source>A number is missing at position {0}.</source>
        <translation>{0} 文字目に数がありません。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not a number.</source>
        <translation>{1} 文字目の「{0}」は数ではありません。</translation>
    </message>
    <message>
        <source>{0} at position {1}: only finite numbers are allowed here.</source>
        <translation>{1} 文字目の {0}: ここには有限の数だけを入力できます。</translation>
    </message>
    <message>
        <source>The bracket &apos;{0}&apos; at position {1} has no partner.</source>
        <translation>{1} 文字目のかっこ「{0}」に対応するかっこがありません。</translation>
    </message>
    <message>
        <source>The rows have different lengths (see position {0}); a table needs rows of one length.</source>
        <translation>行の長さがそろっていません（{0} 文字目を確認してください）。行列では、すべての行の長さが同じでなければなりません。</translation>
    </message>
    <message>
        <source>At most a table (two dimensions) fits here; see position {0}.</source>
        <translation>ここに入力できるのは行列（2 次元）までです。{0} 文字目を確認してください。</translation>
    </message>
    <message>
        <source>Type all the numbers instead of NumPy&apos;s shortened &apos;...&apos;.</source>
        <translation>NumPy が省略して表示した「...」ではなく、すべての数を入力してください。</translation>
    </message>
    <message>
        <source>The shapes do not fit X·W: {0} has {1} columns, but {2} has {3} rows {4}. The number of columns of the left factor must equal the rows of the right one.</source>
        <translation>形状が X·W に合いません。{0} の列数は {1} ですが、{2} {4} の行数は {3} です。行列の積では、左側の行列の列数と右側の行列の行数が一致していなければなりません。</translation>
    </message>
    <message>
        <source>{0} needs one number per column of W: shape {1}, not {2}.</source>
        <translation>{0} には W の列ごとに 1 つの数が必要です。形状を {2} ではなく {1} にしてください。</translation>
    </message>
    <message>
        <source>{0} needs a vector or a table of numbers, not a single number.</source>
        <translation>{0} には 1 つの数ではなく、ベクトルか行列を入力してください。</translation>
    </message>
    <message>
        <source>{0} must be a table (rows of numbers); got shape {1}.</source>
        <translation>{0} は行列（数の行を並べたもの）でなければなりません。入力された形状は {1} です。</translation>
    </message>
    <message>
        <source>The upstream derivative must be one number or have shape {0}, not {1}.</source>
        <translation>上流から伝わった微分は、1 つの数か、形状 {0} にしてください（入力された形状は {1} です）。</translation>
    </message>
    <message>
        <source>The label {0} is out of range: with {1} classes a label is 0 … {2}.</source>
        <translation>ラベル {0} は範囲外です。クラスが {1} 個のとき、ラベルは 0 … {2} です。</translation>
    </message>
    <message>
        <source>A class label is a whole number, not {0}.</source>
        <translation>クラスのラベルは整数です。{0} は使えません。</translation>
    </message>
    <message>
        <source>t needs one label per row of scores ({0}), or one-hot rows of {1} classes.</source>
        <translation>t には、スコアの行ごとに 1 つのラベル（{0} 個）か、{1} クラスの one-hot 表現の行が必要です。</translation>
    </message>
    <message>
        <source>Each one-hot row needs exactly one 1 and zeros elsewhere.</source>
        <translation>one-hot 表現の各行は、1 がちょうど 1 つで、残りはすべて 0 でなければなりません。</translation>
    </message>
    <message>
        <source>At most a table (two dimensions) fits here.</source>
        <translation>ここに入力できるのは行列（2 次元）までです。</translation>
    </message>
    <message>
        <source>Type at least one number.</source>
        <translation>数を 1 つ以上入力してください。</translation>
    </message>
    <message>
        <source>Only finite numbers are allowed here.</source>
        <translation>ここには有限の数だけを入力できます。</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>σ = {0}</source>
        <translation>σ = {0}</translation>
    </message>
    <message>
        <source>NaN with BN</source>
        <translation>BN ありで NaN</translation>
    </message>
    <message>
        <source>NaN without BN</source>
        <translation>BN なしで NaN</translation>
    </message>
    <message>
        <source>{0} has only {1} training samples; all of them are used.</source>
        <translation>{0} の訓練データは {1} 個しかないため、すべてを使います。</translation>
    </message>
    <message>
        <source>Press Start to train every cell with and without batch norm.</source>
        <translation>「開始」を押すと、それぞれの重みのスケールで Batch Norm ありとなしの両方を学習させます。</translation>
    </message>
    <message>
        <source>{0} of {1} cells done ({2} of {3} updates).</source>
        <translation>{1} 通りの σ のうち {0} 通りが完了しました（更新 {3} 回中 {2} 回）。</translation>
    </message>
    <message>
        <source>Fig. 6-18: 5 hidden ReLU layers of 100 units, SGD (η = 0.01, batches of 100), initial weights N(0, σ²) for σ from 1 down to 0.0001. Without batch norm most scales learn slowly or not at all; with it almost every scale learns quickly.</source>
        <translation>図 6-18: 活性化関数に ReLU を使い、100 個のニューロンからなる隠れ層を 5 層持つネットワークを、SGD（η = 0.01、バッチサイズ 100）で学習させます。重みの初期値は N(0, σ²) で、σ を 1 から 0.0001 まで変えます。Batch Norm を使わないと、ほとんどのスケールで学習がなかなか進まないか、まったく進みません。Batch Norm を使うと、ほぼすべてのスケールで学習が速く進みます。</translation>
    </message>
    <message>
        <source>Weight scales</source>
        <translation>重みのスケールの数</translation>
    </message>
    <message>
        <source>How many σ, log-spaced from 1 to 0.0001 (16 in the book)</source>
        <translation>1 から 0.0001 まで対数スケールで等間隔に取る σ の個数（本書では 16 個）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Training samples</source>
        <translation>訓練データの数</translation>
    </message>
    <message>
        <source>The first samples of the training set (1000 in the book)</source>
        <translation>訓練データの先頭から使うデータの数（本書では 1000 個）</translation>
    </message>
    <message>
        <source>Training accuracy per epoch: &lt;span style=&apos;color:{0}&apos;&gt;━━ with batch norm&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╍╍ without&lt;/span&gt;</source>
        <translation>エポックごとの訓練データの認識精度: &lt;span style=&apos;color:{0}&apos;&gt;━━ Batch Norm あり&lt;/span&gt; &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;╍╍ なし&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Final accuracy</source>
        <translation>最終的な認識精度</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>認識精度</translation>
    </message>
    <message>
        <source>σ of the initial weights</source>
        <translation>重みの初期値の σ</translation>
    </message>
    <message>
        <source>with batch norm</source>
        <translation>Batch Norm あり</translation>
    </message>
    <message>
        <source>without</source>
        <translation>Batch Norm なし</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Type one number for the standard deviation of the weights, e.g. 0.05.</source>
        <extracomment>Hidden units of the equal-weights network whose weights the table shows.</extracomment>
        <translation>重みの標準偏差として数を 1 つ入力してください。例: 0.05。</translation>
    </message>
    <message>
        <source>The standard deviation must be a number &gt; 0, got {0}. Weights that all start at 0 (or at any one value) never become different: see the Equal weights view.</source>
        <translation>標準偏差は 0 より大きい数にしてください（入力された値: {0}）。すべての重みを 0（あるいは同じ値）から始めると、重みはいつまでたっても同じままです。「均一な重み」のタブを見てください。</translation>
    </message>
    <message>
        <source>{0} random inputs (x ~ N(0, 1), {1} features) through {2} layers of {3} units without biases; seed {4}.</source>
        <translation>{0} 個のランダムな入力データ（x ~ N(0, 1)、{1} 次元）を、{3} 個のニューロンからなる層を {2} 層重ねたネットワーク（バイアスなし）に流しています。シードは {4} です。</translation>
    </message>
    <message>
        <source>Computed in {0} in the background.</source>
        <translation>バックグラウンドで {0} かけて計算しました。</translation>
    </message>
    <message>
        <source>(Showing the last valid setting.)</source>
        <translation>（最後の有効な設定での結果を表示しています。）</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>{0} 層目</translation>
    </message>
    <message>
        <source>count</source>
        <translation>個数</translation>
    </message>
    <message>
        <source>output &gt; 0</source>
        <translation>出力 &gt; 0</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Histogram of the {0} outputs of each layer (1000 inputs × 100 units = 100 000 values). ReLU: the exact zeros (about half) are counted in the table instead.</source>
        <translation>各層の {0} の出力のヒストグラムです（入力 1000 個 × ニューロン 100 個 = 100 000 個の値）。ReLU の場合、ちょうど 0 になる値（約半分）はヒストグラムに含めず、表で数えています。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>重みの初期値</translation>
    </message>
    <message>
        <source>The weights of every layer are drawn from N(0, σ²); n = 100 inputs per layer.</source>
        <translation>各層の重みを N(0, σ²) に従って生成します。n = 100 は各層の入力の数です。</translation>
    </message>
    <message>
        <source>σ for &apos;Any std…&apos;: a number &gt; 0</source>
        <translation>「標準偏差を指定…」で使う σ（0 より大きい数）</translation>
    </message>
    <message>
        <source>σ, e.g. 0.05</source>
        <translation>σ（例: 0.05）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>σ of W</source>
        <translation>W の σ</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>std</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>at the ends</source>
        <translation>両端</translation>
    </message>
    <message>
        <source>exactly 0</source>
        <translation>ちょうど 0</translation>
    </message>
    <message>
        <source>Share of sigmoid/tanh outputs in the outer 10 % of the range, where the slope is small</source>
        <translation>シグモイド関数や tanh の出力のうち、値域の両端それぞれ 10%（傾きが小さい部分）に入るものの割合</translation>
    </message>
</context>
<context>
    <name>HyperparamLabPage</name>
    <message>
        <source>This range is empty: 10^{0} … 10^{1}. The first exponent must be smaller than the second.</source>
        <extracomment>The colour map of the validation accuracy: perceptually uniform and colour-blind safe. Accuracy range of the colour scale (fixed, so rounds stay comparable).</extracomment>
        <translation>範囲 10^{0} … 10^{1} は空です。最初の指数は 2 番目の指数より小さくしてください。</translation>
    </message>
    <message>
        <source>Fix the ranges marked above first.</source>
        <translation>先に、上で指摘された範囲を直してください。</translation>
    </message>
    <message>
        <source>{0} % of {1} samples leaves no validation sample; use more samples.</source>
        <translation>{1} 個のデータの {0}% では、検証データが 1 個も残りません。データの数を増やしてください。</translation>
    </message>
    <message>
        <source>No finished trial with a validation accuracy yet: search first.</source>
        <translation>検証データの認識精度が得られた試行がまだありません。先に探索を行ってください。</translation>
    </message>
    <message>
        <source>Round {0}: lr 10^{1} … 10^{2} and weight decay 10^{3} … 10^{4}, the span of the {5} best trials and {6} decade on each side.</source>
        <translation>ラウンド {0}: lr 10^{1} … 10^{2}、Weight decay 10^{3} … 10^{4}。上位 {5} 件の試行が収まる範囲を、両側に {6} 桁ずつ広げました。</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} trials; their results stay.</source>
        <translation>{1} 回中 {0} 回の試行で停止しました。それまでの結果は残ります。</translation>
    </message>
    <message>
        <source>Best so far: validation accuracy {0} with lr {1} and weight decay {2}. Narrow the range to search around the best ones.</source>
        <translation>これまでの最良: 検証データの認識精度 {0}（lr {1}、Weight decay {2}）。範囲を絞り込んで、上位の試行の周辺を探索しましょう。</translation>
    </message>
    <message>
        <source>Press Start to sample and train the trials.</source>
        <translation>「開始」を押すと、ハイパーパラメータをランダムにサンプリングして各試行を学習させます。</translation>
    </message>
    <message>
        <source>Round {0}: {1} of {2} trials done</source>
        <translation>ラウンド {0}: {2} 回中 {1} 回の試行が完了</translation>
    </message>
    <message>
        <source> · trial {0}: update {1} of {2}</source>
        <translation> · 試行 {0}: 更新 {2} 回中 {1} 回</translation>
    </message>
    <message>
        <source> · {0} training, {1} validation samples (from the training set)</source>
        <translation> · 訓練データ {0} 個、検証データ {1} 個（訓練データから分割）</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>試行</translation>
    </message>
    <message>
        <source>Epochs per trial</source>
        <translation>試行ごとのエポック数</translation>
    </message>
    <message>
        <source>Training samples</source>
        <translation>訓練データの数</translation>
    </message>
    <message>
        <source>Kept for validation</source>
        <translation>検証データの割合</translation>
    </message>
    <message>
        <source>Hidden layers of 100</source>
        <translation>隠れ層の数（各 100 ニューロン）</translation>
    </message>
    <message>
        <source>The first samples of the training set (500 in the book); the test set is never used.</source>
        <translation>訓練データの先頭から使うデータの数（本書では 500 個）。テストデータは一切使いません。</translation>
    </message>
    <message>
        <source>Share of those samples kept aside to score each trial (20 % in the book)</source>
        <translation>各試行の評価用に取り分けておくデータの割合（本書では 20%）</translation>
    </message>
    <message>
        <source>Ranges (log scale)</source>
        <translation>範囲（対数スケール）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>The book&apos;s ranges</source>
        <translation>本書の範囲</translation>
    </message>
    <message>
        <source>lr = 10^(−6 … −2), weight decay = 10^(−8 … −4)</source>
        <translation>lr = 10^(−6 … −2)、Weight decay = 10^(−8 … −4)</translation>
    </message>
    <message>
        <source>Sample the trials and train each briefly.</source>
        <translation>ハイパーパラメータをランダムにサンプリングし、各試行を短時間だけ学習させます。</translation>
    </message>
    <message>
        <source>Narrow the range</source>
        <translation>範囲の絞り込み</translation>
    </message>
    <message>
        <source>From the best</source>
        <translation>上位の試行数</translation>
    </message>
    <message>
        <source>Narrow the range and search again</source>
        <translation>範囲を絞り込んで再探索</translation>
    </message>
    <message>
        <source>Set both ranges to span the best trials so far, then start a new round.</source>
        <translation>両方の範囲を、これまでの上位の試行が収まるように設定し直し、新しいラウンドを開始します。</translation>
    </message>
    <message>
        <source>Clear the results</source>
        <translation>結果をクリア</translation>
    </message>
    <message>
        <source>§6.5: hyper-parameters are judged on validation data carved from the training data; the test data is kept for the very end. Sampling 10^u with u uniform gives every decade the same share of trials; the dashed box is the current range, rings mark the best trials.</source>
        <translation>§6.5: ハイパーパラメータは、訓練データから切り出した検証データで評価します。テストデータは最後の最後まで使いません。u を一様分布から取って 10^u をサンプリングすると、どの桁にも同じ割合で試行が割り当てられます。破線の枠が現在の範囲で、丸印が上位の試行です。</translation>
    </message>
    <message>
        <source>Validation accuracy of each trial</source>
        <translation>各試行の検証データの認識精度</translation>
    </message>
    <message>
        <source>weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>検証データの認識精度</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>検証データ</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練データ</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>Weight decay</translation>
    </message>
    <message>
        <source>round</source>
        <translation>ラウンド</translation>
    </message>
    <message>
        <source>trial</source>
        <translation>試行</translation>
    </message>
</context>
<context>
    <name>InitLabPage</name>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>std 1 (Fig. 6-10)</source>
        <extracomment>The choices of initial weights: (id, shown name). &quot;custom&quot; reads the number field.</extracomment>
        <translation>標準偏差 1（図 6-10）</translation>
    </message>
    <message>
        <source>std 0.01 (Fig. 6-11)</source>
        <translation>標準偏差 0.01（図 6-11）</translation>
    </message>
    <message>
        <source>Xavier √(1/n) (Fig. 6-13)</source>
        <translation>Xavier の初期値 √(1/n)（図 6-13）</translation>
    </message>
    <message>
        <source>He √(2/n) (Fig. 6-14)</source>
        <translation>He の初期値 √(2/n)（図 6-14）</translation>
    </message>
    <message>
        <source>Any std…</source>
        <translation>標準偏差を指定…</translation>
    </message>
    <message>
        <source>std = 0.01</source>
        <extracomment>Names of the three runs of Fig. 6-15, in the order of core&apos;s COMPARISON_INITS.</extracomment>
        <translation>std = 0.01</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Saturated: most {0} outputs sit at the ends of the range, where its slope is almost 0, so the gradients vanish on their way back (gradient vanishing, Fig. 6-10).</source>
        <translation>飽和: {0} の出力の多くが値域の両端に集まっています。そこでは傾きがほぼ 0 なので、勾配は逆伝播の途中で消えてしまいます（勾配消失、図 6-10）。</translation>
    </message>
    <message>
        <source>Collapsed: every unit outputs almost the same value (mean {0}, std {1} in the last layer). 100 units that all say the same are no better than one: the expressive power is lost (Fig. 6-11).</source>
        <translation>偏り: どのニューロンもほぼ同じ値を出力しています（最後の層で平均 {0}、標準偏差 {1}）。100 個のニューロンがみな同じ値を出力するなら、1 個のニューロンと変わりません。表現力が制限されてしまいます（図 6-11）。</translation>
    </message>
    <message>
        <source>Vanished: the outputs shrink towards 0 layer by layer (std {0} → {1}); little of the signal reaches the last layer.</source>
        <translation>消失: 層を経るごとに出力が 0 に向かって縮んでいきます（標準偏差 {0} → {1}）。最後の層まで届く信号はわずかです。</translation>
    </message>
    <message>
        <source>Shrinking: the spread narrows layer by layer (std {0} → {1}). Xavier&apos;s √(1/n) assumes a symmetric activation; with ReLU use He&apos;s √(2/n) (Fig. 6-14).</source>
        <translation>縮小: 層を経るごとに分布の広がりが狭まっていきます（標準偏差 {0} → {1}）。Xavier の初期値 √(1/n) は、活性化関数が左右対称であることを前提にしています。ReLU には He の初期値 √(2/n) を使います（図 6-14）。</translation>
    </message>
    <message>
        <source>Exploding: the spread grows layer by layer (std {0} → {1}); deeper layers would overflow.</source>
        <translation>発散: 層を経るごとに分布の広がりが大きくなっていきます（標準偏差 {0} → {1}）。層をさらに深くすると、オーバーフローするでしょう。</translation>
    </message>
    <message>
        <source>Healthy: a similar, wide spread in every layer (std {0} → {1}), so the signal and its gradient pass through all the layers (Fig. 6-13, 6-14).</source>
        <translation>良好: どの層でも同じくらい適度な広がりがあります（標準偏差 {0} → {1}）。そのため、信号も勾配もすべての層を通り抜けられます（図 6-13、6-14）。</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>ヒストグラム</translation>
    </message>
    <message>
        <source>Equal weights</source>
        <translation>均一な重み</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
</context>
<context>
    <name>LabsTab</name>
    <message>
        <source>Digits 8×8 (built in)</source>
        <extracomment>The longest :meth:`LabsTab.shutdown` waits for all worker threads together, in seconds. The data sources: (id, shown name).</extracomment>
        <translation>手書き数字 8×8（組み込み）</translation>
    </message>
    <message>
        <source>MNIST… (your files)</source>
        <translation>MNIST…（手元のファイル）</translation>
    </message>
    <message>
        <source>Chapter 6 labs</source>
        <extracomment>New data arrived (or the data went away). The seed changed. False while the tab restores its inputs: pages compute nothing until it is set.</extracomment>
        <translation>6章の実験</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>The built-in 8×8 digits train in seconds. MNIST (the book&apos;s data) needs its files on your computer: the book&apos;s mnist.pkl, a mnist.npz or the four IDX files.</source>
        <translation>組み込みの 8×8 の手書き数字なら、数秒で学習できます。MNIST（本書で使うデータ）を使うには、本書の mnist.pkl、mnist.npz、または 4 つの IDX ファイルがこのコンピュータに必要です。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Pick MNIST files on your computer.</source>
        <translation>このコンピュータにある MNIST のファイルを選びます。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Seed of every random number in the labs: initial weights, inputs, mini-batches, samples. The same seed gives the same results.</source>
        <translation>実験で使うすべての乱数（重みの初期値、入力、ミニバッチ、データの抽出）のシードです。シードが同じなら、結果も同じになります。</translation>
    </message>
    <message>
        <source>Initial weights (§6.2)</source>
        <translation>重みの初期値（§6.2）</translation>
    </message>
    <message>
        <source>Batch normalization (§6.3)</source>
        <translation>Batch Normalization（§6.3）</translation>
    </message>
    <message>
        <source>Overfitting (§6.4)</source>
        <translation>過学習（§6.4）</translation>
    </message>
    <message>
        <source>Hyper-parameter search (§6.5)</source>
        <translation>ハイパーパラメータの検証（§6.5）</translation>
    </message>
    <message>
        <source>No MNIST files found in the usual places (./dataset, ~/dataset, ~/.keras/datasets …). Press Choose… and pick the book&apos;s mnist.pkl, a mnist.npz, or one of the four IDX files (train-images-idx3-ubyte.gz …).</source>
        <translation>通常の場所（./dataset、~/dataset、~/.keras/datasets …）に MNIST のファイルが見つかりません。「選択…」を押して、本書の mnist.pkl、mnist.npz、または 4 つの IDX ファイル（train-images-idx3-ubyte.gz …）のどれかを選んでください。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Could not read these files: {0}
Press Choose… and pick the book&apos;s mnist.pkl, a mnist.npz, or the folder&apos;s train-images-idx3-ubyte.gz.</source>
        <translation>これらのファイルを読み込めませんでした: {0}
「選択…」を押して、本書の mnist.pkl、mnist.npz、またはフォルダ内の train-images-idx3-ubyte.gz を選んでください。</translation>
    </message>
    <message>
        <source>Loading failed: {0}: {1}</source>
        <translation>読み込みに失敗しました: {0}: {1}</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>データが読み込まれていません。</translation>
    </message>
    <message>
        <source>{0}: {1} training, {2} test samples</source>
        <translation>{0}: 訓練データ {1} 個、テストデータ {2} 個</translation>
    </message>
    <message>
        <source>Choose MNIST files</source>
        <translation>MNIST のファイルを選択</translation>
    </message>
    <message>
        <source>MNIST files (*.pkl *.npz *.gz *-ubyte);;All files (*)</source>
        <translation>MNIST のファイル (*.pkl *.npz *.gz *-ubyte);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>LossBatchPage</name>
    <message>
        <source>SSE E_n</source>
        <translation>二乗和誤差 E_n</translation>
    </message>
    <message>
        <source>CEE E_n</source>
        <translation>交差エントロピー誤差 E_n</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>One sample: N = 1, so the mean is that row&apos;s loss. Type several rows in y (one per line) and one label per row in t for a mini-batch.</source>
        <translation>データは 1 個（N = 1）なので、平均はその行の損失そのものです。ミニバッチにするには、y に複数の行（1 行に 1 データ）を、t に行ごとの正解ラベルを入力してください。</translation>
    </message>
    <message>
        <source>E = (1/N) Σ_n E_n: the mean over the N = {0} rows, so the loss does not grow with the batch size (§4.2.3). Click a row to work it out on the other pages.</source>
        <translation>E = (1/N) Σ_n E_n: N = {0} 行の平均をとるので、バッチサイズが大きくなっても損失は大きくなりません（§4.2.3）。行をクリックすると、その行の計算をほかのタブで確かめられます。</translation>
    </message>
    <message>
        <source>Mean over N = {0}: SSE {1}, CEE {2}</source>
        <translation>N = {0} の平均: 二乗和誤差 {1}、交差エントロピー誤差 {2}</translation>
    </message>
    <message>
        <source>Dividing by y.ndim instead of the batch size N: here both are {0}, so the slip hides; with another batch size the loss would be wrong.</source>
        <translation>バッチサイズ N ではなく y.ndim で割る間違い: ここではどちらも {0} なので間違いが表に出ませんが、バッチサイズが違えば損失は誤った値になります。</translation>
    </message>
    <message>
        <source>Dividing by y.ndim (= {0}) instead of the batch size N = {1}: {2} instead of {3}.</source>
        <translation>バッチサイズ N = {1} ではなく y.ndim (= {0}) で割ると、{3} ではなく {2} になります。</translation>
    </message>
    <message>
        <source>Forgetting δ in log(y + δ): {0} instead of {1}, because a correct-class y is 0.</source>
        <translation>log(y + δ) の δ を忘れると、正解クラスの y に 0 があるため、{1} ではなく {0} になります。</translation>
    </message>
    <message>
        <source>Forgetting δ in log(y + δ) changes little here ({0}), as no correct-class y is 0; a single y = 0 would make the loss +∞.</source>
        <translation>log(y + δ) の δ を忘れても、正解クラスの y に 0 がないので、ここでは値はほとんど変わりません（{0}）。ただし、y = 0 が 1 つでもあれば損失は +∞ になります。</translation>
    </message>
    <message>
        <source>The label formula with this one-hot t: IndexError (shapes ({0},) and ({0}, {1})).</source>
        <translation>この one-hot 表現の t をラベル表現の式に渡すと IndexError になります（形状 ({0},) と ({0}, {1})）。</translation>
    </message>
    <message>
        <source>The label formula with this one-hot t: {0} instead of {1}.</source>
        <translation>この one-hot 表現の t をラベル表現の式に渡すと、{1} ではなく {0} になります。</translation>
    </message>
    <message>
        <source>Common slips, with this input</source>
        <translation>よくある間違い（この入力の場合）</translation>
    </message>
</context>
<context>
    <name>LossCalculationWriter</name>
    <message>
        <source>Loss calculation (§4.2)</source>
        <translation>損失関数の計算（§4.2）</translation>
    </message>
    <message>
        <source>Row {0} of a batch of N = {1} rows, C = {2} classes.</source>
        <translation>N = {1} 行、C = {2} クラスのバッチのうち {0} 行目です。</translation>
    </message>
    <message>
        <source>One sample, C = {0} classes.</source>
        <translation>データは 1 個、クラス数は C = {0} です。</translation>
    </message>
    <message>
        <source>y are raw scores a; the probabilities y = softmax(a) are used.</source>
        <translation>y は生のスコア a なので、確率 y = softmax(a) を使います。</translation>
    </message>
    <message>
        <source>Sum of squared errors (§4.2.1)</source>
        <translation>二乗和誤差（§4.2.1）</translation>
    </message>
    <message>
        <source>Three names, three numbers: ½ Σ (the book&apos;s E) = {0}; sum of squares Σ = {1}; mean squared error (1/C) Σ with C = {2}: {3}.</source>
        <translation>3 つの名前と 3 つの値: ½ Σ（本書の E、二乗和誤差）= {0}、二乗の和 Σ = {1}、平均二乗誤差 (1/C) Σ（C = {2}）= {3}。なお、初期の刷の本書では、この ½ Σ を mean squared error（関数名 mean_squared_error）と呼んでいました。</translation>
    </message>
    <message>
        <source>Cross-entropy error (§4.2.2)</source>
        <translation>交差エントロピー誤差（§4.2.2）</translation>
    </message>
    <message>
        <source>Not computed: y has negative values, and their logarithm is undefined.</source>
        <translation>計算できません。y に負の値があり、負の数の対数は定義されないからです。</translation>
    </message>
    <message>
        <source>Label form (§4.2.4): t = {0}, only y[{1}, {0}] is picked.</source>
        <translation>ラベル表現（§4.2.4）: t = {0} なので、取り出すのは y[{1}, {0}] だけです。</translation>
    </message>
    <message>
        <source>Mini-batch: the mean over N rows (§4.2.3)</source>
        <translation>ミニバッチ: N 行の平均（§4.2.3）</translation>
    </message>
    <message>
        <source>Gradient with respect to y (§4.4, §5.6.3)</source>
        <translation>y に関する勾配（§4.4、§5.6.3）</translation>
    </message>
</context>
<context>
    <name>LossCeePage</name>
    <message>
        <source>Not computed: y has negative values, and log(y) is undefined for them. The cross-entropy error needs probabilities; tick “apply softmax first” for raw scores.</source>
        <translation>計算できません。y に負の値があり、負の値に対して log(y) は定義されないからです。交差エントロピー誤差には確率が必要です。生のスコアを入力したのなら「先にソフトマックス関数を適用する」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>y_k = softmax(a)_k</source>
        <translation>y_k = softmax(a)_k</translation>
    </message>
    <message>
        <source>Σ t_k log(y_k + δ) = {0}</source>
        <translation>Σ t_k log(y_k + δ) = {0}</translation>
    </message>
    <message>
        <source>E = −({0}) = {1}</source>
        <translation>E = −({0}) = {1}</translation>
    </message>
    <message>
        <source>Greyed rows have t_k = 0, so their terms vanish: only k = {0} survives, 1 · log({1} + δ) = {2}.</source>
        <translation>灰色の行は t_k = 0 なので、その項は消えます。残るのは k = {0} の項 1 · log({1} + δ) = {2} だけです。</translation>
    </message>
    <message>
        <source>all {0} terms, {1} of them zero</source>
        <translation>{0} 項すべて（うち {1} 項は 0）</translation>
    </message>
    <message>
        <source>t_{0} = {1} → y[{0}, {1}] = {2}</source>
        <translation>t_{0} = {1} → y[{0}, {1}] = {2}</translation>
    </message>
    <message>
        <source>y[{0}, {1}] = 0: without δ this would be −log(0) = +∞ (and 0 · log 0 = nan in the sum). With δ = {2} the loss stops at −log(δ) = {3}.</source>
        <translation>y[{0}, {1}] = 0 です。δ がなければ −log(0) = +∞ になります（和の中では 0 · log 0 = nan）。δ = {2} を足すと、損失は −log(δ) = {3} にとどまります。</translation>
    </message>
    <message>
        <source>δ = {0} keeps log(0) = −∞ away (§4.2.2). Mean over the batch: the label form −Σ_n log(y[n, t_n] + δ) / N gives {1}, the one-hot form {2}.</source>
        <translation>δ = {0} を足すことで、log(0) = −∞ になるのを防ぎます（§4.2.2）。バッチの平均は、ラベル表現の −Σ_n log(y[n, t_n] + δ) / N では {1}、one-hot 表現では {2} です。</translation>
    </message>
    <message>
        <source>y = {0} → E = {1}</source>
        <translation>y = {0} → E = {1}</translation>
    </message>
    <message>
        <source>One-hot and label form (§4.2.4)</source>
        <translation>one-hot 表現とラベル表現（§4.2.4）</translation>
    </message>
    <message>
        <source>one-hot t</source>
        <translation>one-hot 表現の t</translation>
    </message>
    <message>
        <source>class label t_n</source>
        <translation>正解ラベル t_n</translation>
    </message>
    <message>
        <source>E = −log(y + δ) (§4.2.2)</source>
        <translation>E = −log(y + δ)（§4.2.2）</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>y of the correct class</source>
        <translation>正解クラスの y</translation>
    </message>
    <message>
        <source>δ cap: −log(1e-7) = {0}</source>
        <translation>δ による上限: −log(1e-7) = {0}</translation>
    </message>
    <message>
        <source>without δ, y = 0 gives +∞</source>
        <translation>δ がなければ y = 0 で +∞</translation>
    </message>
</context>
<context>
    <name>LossGradientPage</name>
    <message>
        <source>SSE
(y_k − t_k)/N</source>
        <translation>二乗和誤差
(y_k − t_k)/N</translation>
    </message>
    <message>
        <source>CEE
−t_k/(y_k + δ)/N</source>
        <translation>交差エントロピー誤差
−t_k/(y_k + δ)/N</translation>
    </message>
    <message>
        <source>Softmax-with-Loss
(y_k − t_k)/N</source>
        <translation>Softmax-with-Loss
(y_k − t_k)/N</translation>
    </message>
    <message>
        <source>y = softmax(a). The last column is the gradient with respect to the scores a (§5.6.3): just (y − t)/N, here with N = {0}. Softmax with the cross-entropy error, like the identity with the sum of squared errors, was chosen for this clean result.</source>
        <translation>y = softmax(a) です。最後の列はスコア a に関する勾配で（§5.6.3）、単純に (y − t)/N になります（ここでは N = {0}）。ソフトマックス関数に交差エントロピー誤差を組み合わせるのは、恒等関数に二乗和誤差を組み合わせるのと同じく、このきれいな結果を得るためです。</translation>
    </message>
    <message>
        <source>If y came out of softmax, the gradient with respect to softmax&apos;s input is (y − t)/N (§5.6.3, N = {0}): the same numbers as the sum of squared errors&apos; ∂E/∂y_k. The bigger the mistake, the bigger the gradient.</source>
        <translation>y がソフトマックス関数の出力なら、ソフトマックス関数の入力に関する勾配は (y − t)/N です（§5.6.3、N = {0}）。これは二乗和誤差の ∂E/∂y_k と同じ値です。間違いが大きいほど、勾配も大きくなります。</translation>
    </message>
    <message>
        <source>(y − t)/N</source>
        <translation>(y − t)/N</translation>
    </message>
    <message>
        <source>y, t and (y − t)/N, class by class</source>
        <translation>クラスごとの y、t、(y − t)/N</translation>
    </message>
    <message>
        <source>class k</source>
        <translation>クラス k</translation>
    </message>
</context>
<context>
    <name>LossInputs</name>
    <message>
        <source>Digit “2”: right guess (one-hot t)</source>
        <extracomment>Digits shown at first, and the range of the precision spin box. At most this many rows are listed in a &quot;rows do not sum to 1&quot; message. The presets&apos; names and tooltips, translated where shown.</extracomment>
        <translation>「2」の例: 正解した場合（one-hot 表現の t）</translation>
    </message>
    <message>
        <source>§4.2.1: y puts 0.6 on class 2, t is one-hot at 2: E = 0.0975, CEE = 0.5108</source>
        <translation>§4.2.1: y は「2」の確率が 0.6 で、t は「2」を正解とする one-hot 表現です。二乗和誤差は E = 0.0975、交差エントロピー誤差は E = 0.5108 です。</translation>
    </message>
    <message>
        <source>Digit “2”: wrong guess</source>
        <translation>「2」の例: 外れた場合</translation>
    </message>
    <message>
        <source>§4.2.1: y puts 0.6 on class 7, t is still 2: E = 0.5975, CEE = 2.3026</source>
        <translation>§4.2.1: y は「7」の確率が 0.6 で、正解 t は「2」のままです。二乗和誤差は E = 0.5975、交差エントロピー誤差は E = 2.3026 です。</translation>
    </message>
    <message>
        <source>Digit “2”: right guess, label t = 2</source>
        <translation>「2」の例: 正解した場合、ラベル表現 t = 2</translation>
    </message>
    <message>
        <source>§4.2.4: the same example with the class label 2: the same 0.5108</source>
        <translation>§4.2.4: 同じ例で、t を正解ラベル 2 として与えます。結果は同じ 0.5108 です。</translation>
    </message>
    <message>
        <source>δ demonstration: y = 0 at the correct class</source>
        <translation>δ の働き: 正解クラスの y = 0</translation>
    </message>
    <message>
        <source>§4.2.2: log(0) = −∞, but with δ = 1e-7 the loss is −log(1e-7) = 16.118</source>
        <translation>§4.2.2: log(0) = −∞ ですが、δ = 1e-7 を足すと、損失は −log(1e-7) = 16.118 にとどまります。</translation>
    </message>
    <message>
        <source>Batch: right and wrong guess, N = 2</source>
        <translation>バッチ: 正解した場合と外れた場合、N = 2</translation>
    </message>
    <message>
        <source>§4.2.4: both rows as one mini-batch; the loss is the mean over N</source>
        <translation>§4.2.4: 2 つの行を 1 つのミニバッチとして計算します。損失は N 個のデータの平均です。</translation>
    </message>
    <message>
        <source>Slip: one-hot t read as labels</source>
        <translation>間違い: one-hot 表現の t をラベルとして読む</translation>
    </message>
    <message>
        <source>The label formula fed a one-hot t gives 23.719 instead of 0.5108</source>
        <translation>ラベル表現の式に one-hot 表現の t を渡すと、0.5108 ではなく 23.719 になります。</translation>
    </message>
    <message>
        <source>Softmax-with-Loss: y = (0.3, 0.2, 0.5)</source>
        <translation>Softmax-with-Loss: y = (0.3, 0.2, 0.5)</translation>
    </message>
    <message>
        <source>§5.6.3: a poor guess, a large gradient y − t = (0.3, −0.8, 0.5)</source>
        <translation>§5.6.3: 推定が外れているので、勾配 y − t = (0.3, −0.8, 0.5) は大きくなります。</translation>
    </message>
    <message>
        <source>Softmax-with-Loss: y = (0.01, 0.99, 0)</source>
        <translation>Softmax-with-Loss: y = (0.01, 0.99, 0)</translation>
    </message>
    <message>
        <source>§5.6.3: a good guess, a small gradient y − t = (0.01, −0.01, 0)</source>
        <translation>§5.6.3: 推定が当たっているので、勾配 y − t = (0.01, −0.01, 0) は小さくなります。</translation>
    </message>
    <message>
        <source>Raw scores (0.3, 2.9, 4.0) → softmax</source>
        <translation>生のスコア (0.3, 2.9, 4.0) → ソフトマックス関数</translation>
    </message>
    <message>
        <source>§3.5.1 scores through softmax, then the cross-entropy error</source>
        <translation>§3.5.1 のスコアをソフトマックス関数に通してから、交差エントロピー誤差を求めます。</translation>
    </message>
    <message>
        <source>detect automatically</source>
        <extracomment>How t is read: combo item data → shown text.</extracomment>
        <translation>自動で判別</translation>
    </message>
    <message>
        <source>one-hot rows</source>
        <translation>one-hot 表現</translation>
    </message>
    <message>
        <source>class labels</source>
        <translation>ラベル表現</translation>
    </message>
    <message>
        <source>Detected: — (fix the input first)</source>
        <translation>判別結果: —（先に入力を直してください）</translation>
    </message>
    <message>
        <source>Chosen: class labels — but t has the shape of y (one-hot)</source>
        <translation>指定: ラベル表現 — ただし t は y と同じ形状（one-hot 表現）です</translation>
    </message>
    <message>
        <source>Chosen: one-hot</source>
        <translation>指定: one-hot 表現</translation>
    </message>
    <message>
        <source>Chosen: class labels</source>
        <translation>指定: ラベル表現</translation>
    </message>
    <message>
        <source>Detected: one-hot (t has the shape of y)</source>
        <translation>判別結果: one-hot 表現（t が y と同じ形状）</translation>
    </message>
    <message>
        <source>Detected: class labels (one per row of y)</source>
        <translation>判別結果: ラベル表現（y の各行に 1 つ）</translation>
    </message>
    <message>
        <source>One sample, {0} classes</source>
        <translation>データ 1 個、{0} クラス</translation>
    </message>
    <message>
        <source>A batch of N = {0} rows, {1} classes each</source>
        <translation>N = {0} 行のバッチ、各行 {1} クラス</translation>
    </message>
    <message>
        <source>Examples from the book</source>
        <translation>本書の例</translation>
    </message>
    <message>
        <source>Choose an example…</source>
        <translation>例を選択…</translation>
    </message>
    <message>
        <source>Fills in y and t with one of the book&apos;s examples</source>
        <translation>y と t に本書の例を入力します</translation>
    </message>
    <message>
        <source>y — the network&apos;s output</source>
        <translation>y — ニューラルネットワークの出力</translation>
    </message>
    <message>
        <source>for example 0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0</source>
        <translation>例: 0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0</translation>
    </message>
    <message>
        <source>Probabilities: a vector, or one row per line for a mini-batch. Commas, spaces, brackets and NumPy&apos;s printout all work.</source>
        <translation>確率を入力します。ベクトル 1 つか、ミニバッチなら 1 行に 1 データずつ入力します。カンマ、空白、かっこ、NumPy の表示形式のどれでも読み取れます。</translation>
    </message>
    <message>
        <source>y are raw scores — apply softmax first</source>
        <translation>y は生のスコア — 先にソフトマックス関数を適用する</translation>
    </message>
    <message>
        <source>The Softmax-with-Loss layer (§5.6.3): y = softmax(a), then the losses</source>
        <translation>Softmax-with-Loss レイヤ（§5.6.3）: y = softmax(a) を求めてから損失を計算します</translation>
    </message>
    <message>
        <source>t — the correct answer</source>
        <translation>t — 教師データ（正解）</translation>
    </message>
    <message>
        <source>a class label such as 2, or a one-hot row 0, 0, 1, 0, …</source>
        <translation>2 のような正解ラベル、または 0, 0, 1, 0, … のような one-hot 表現の行</translation>
    </message>
    <message>
        <source>One-hot rows (the shape of y) or one class label per row of y (2, or 2, 7, 0 for a batch).</source>
        <translation>one-hot 表現の行（y と同じ形状）か、y の各行に正解ラベルを 1 つずつ（2、バッチなら 2, 7, 0 など）入力します。</translation>
    </message>
    <message>
        <source>Read t as:</source>
        <translation>t の形式:</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Significant digits:</source>
        <translation>有効桁数:</translation>
    </message>
    <message>
        <source>Copy calculation</source>
        <translation>計算をコピー</translation>
    </message>
    <message>
        <source>Copy the worked calculation of the shown row</source>
        <translation>表示中の行の計算過程をコピーします</translation>
    </message>
    <message>
        <source>As plain text</source>
        <translation>プレーンテキストで</translation>
    </message>
    <message>
        <source>As Markdown</source>
        <translation>Markdown で</translation>
    </message>
    <message>
        <source>As LaTeX</source>
        <translation>LaTeX で</translation>
    </message>
</context>
<context>
    <name>LossMessages</name>
    <message>
        <source>Type y, the network&apos;s output, for example 0.1, 0.05, 0.6, …</source>
        <translation>ニューラルネットワークの出力 y を入力してください（例: 0.1, 0.05, 0.6, …）。</translation>
    </message>
    <message>
        <source>Type t: a class label such as 2, or a one-hot row such as 0, 0, 1.</source>
        <translation>t を入力してください。2 のような正解ラベルか、0, 0, 1 のような one-hot 表現の行です。</translation>
    </message>
    <message>
        <source>There are more than {0} numbers, the most this field takes.</source>
        <translation>数が {0} 個を超えています。この欄に入るのは {0} 個までです。</translation>
    </message>
    <message>
        <source>A number is missing at position {0} (line {1}).</source>
        <translation>{0} 文字目（{1} 行目）に数がありません。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} (line {2}) is not a number.</source>
        <translation>{1} 文字目（{2} 行目）の「{0}」は数ではありません。</translation>
    </message>
    <message>
        <source>{0} at position {1} (line {2}): only finite numbers work here, no nan or inf.</source>
        <translation>{1} 文字目（{2} 行目）の {0}: ここには有限の数だけを入力できます（nan や inf は使えません）。</translation>
    </message>
    <message>
        <source>The &apos;...&apos; at position {0} comes from NumPy&apos;s shortened printout; type all the numbers.</source>
        <translation>{0} 文字目の「...」は NumPy が省略して表示した印です。すべての数を入力してください。</translation>
    </message>
    <message>
        <source>The bracket &apos;{0}&apos; at position {1} (line {2}) has no partner.</source>
        <translation>{1} 文字目（{2} 行目）のかっこ「{0}」に対応するかっこがありません。</translation>
    </message>
    <message>
        <source>Every row needs the same number of values; line {0} differs (position {1}).</source>
        <translation>どの行も値の個数が同じでなければなりませんが、{0} 行目は個数が違います（{1} 文字目）。</translation>
    </message>
    <message>
        <source>Type a vector or a table (one row per line); the brackets at position {0} nest too deep.</source>
        <translation>ベクトルか行列（改行で行を区切る）を入力してください。{0} 文字目のかっこは入れ子が深すぎます。</translation>
    </message>
    <message>
        <source>{0} is empty.</source>
        <translation>{0} が空です。</translation>
    </message>
    <message>
        <source>{0} holds {1} (row {2}, element {3}): only finite numbers work here.</source>
        <translation>{0} に {1} があります（{2} 行目、インデックス {3} の要素）。ここには有限の数だけを入力できます。</translation>
    </message>
    <message>
        <source>{0} has {1} dimensions: type a vector, or one row per line.</source>
        <translation>{0} が {1} 次元になっています。ベクトルか、1 行に 1 データずつ入力してください。</translation>
    </message>
    <message>
        <source>y has a single column (shape {0}), so there is nothing to compare: put one sample&apos;s numbers on one line, at least two classes.</source>
        <translation>y の列が 1 つしかない（形状 {0}）ため、比べるものがありません。1 データ分の数を 1 行に並べ、クラスは 2 つ以上にしてください。</translation>
    </message>
    <message>
        <source>Label {0} (number {1} of t) is not a whole number: a class label is an index 0, 1, 2, …</source>
        <translation>ラベル {0}（t のインデックス {1}）は整数ではありません。正解ラベルは 0, 1, 2, … というインデックスです。</translation>
    </message>
    <message>
        <source>Label {0} is out of range: y has {1} classes, so a label is 0 … {2} (NumPy counts from 0).</source>
        <translation>ラベル {0} は範囲外です。y のクラスは {1} 個なので、ラベルは 0 … {2} です（NumPy のインデックスは 0 から数えます）。</translation>
    </message>
    <message>
        <source>Row {0} of the one-hot t holds {1} at element {2}: one-hot uses only 0 and 1.</source>
        <translation>one-hot 表現の t の {0} 行目で、インデックス {2} の要素が {1} になっています。one-hot 表現で使う値は 0 と 1 だけです。</translation>
    </message>
    <message>
        <source>Row {0} of the one-hot t has a 1 at elements {1}: exactly one class is correct, so each row has exactly one 1.</source>
        <translation>one-hot 表現の t の {0} 行目で、インデックス {1} の要素が 1 になっています。正解のクラスはただ 1 つなので、各行の 1 はちょうど 1 つです。</translation>
    </message>
    <message>
        <source>Row {0} of the one-hot t is all zeros: put a 1 at the correct class.</source>
        <translation>one-hot 表現の t の {0} 行目がすべて 0 です。正解のクラスに 1 を入れてください。</translation>
    </message>
    <message>
        <source>A one-hot t needs the shape of y, {0} × {1} = {2} numbers, but t has {3}. Class labels? Choose “detect automatically” or “class labels”.</source>
        <translation>one-hot 表現の t には y と同じ形状、つまり {0} × {1} = {2} 個の数が必要ですが、t の数は {3} 個です。正解ラベルを入力したのなら、「自動で判別」か「ラベル表現」を選んでください。</translation>
    </message>
    <message>
        <source>Class labels need one number per row of y ({0}), but t has {1}.</source>
        <translation>ラベル表現では y の行ごとに数が 1 つ（{0} 個）必要ですが、t の数は {1} 個です。</translation>
    </message>
    <message>
        <source>y and t do not fit: t has {0} numbers, but y has {1} row(s) of {2} classes. A one-hot t needs {3} numbers (the shape of y), class labels need {1} (one per row).</source>
        <translation>y と t が合いません。t の数は {0} 個ですが、y は {2} クラスの行が {1} 行あります。one-hot 表現の t なら {3} 個（y と同じ形状）、ラベル表現なら {1} 個（各行に 1 つ）の数が必要です。</translation>
    </message>
    <message>
        <source>y holds {0} negative value(s), e.g. {1} at row {2}, element {3}: not probabilities. The cross-entropy error needs log(y), so it is not computed. Raw scores? Tick “apply softmax first”.</source>
        <translation>y に負の値が {0} 個あります（例: {2} 行目、インデックス {3} の要素が {1}）。これは確率ではありません。交差エントロピー誤差は log(y) を使うので、計算しません。生のスコアを入力したのなら「先にソフトマックス関数を適用する」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>y holds {0} value(s) above 1, e.g. {1} at row {2}, element {3}: a probability is at most 1. Raw scores? Tick “apply softmax first”.</source>
        <translation>y に 1 より大きい値が {0} 個あります（例: {2} 行目、インデックス {3} の要素が {1}）。確率は 1 以下です。生のスコアを入力したのなら「先にソフトマックス関数を適用する」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>row {0}: Σ = {1}</source>
        <translation>{0} 行目: Σ = {1}</translation>
    </message>
    <message>
        <source>{0} row(s) of y do not sum to 1 ({1}). Softmax outputs always do (within {2}); the losses below are still computed.</source>
        <translation>y の {0} 個の行で和が 1 になっていません（{1}）。ソフトマックス関数の出力なら、和は必ず 1 になります（誤差 {2} 以内）。損失はこのまま計算します。</translation>
    </message>
    <message>
        <source>y is so large ({0}) that (y − t)² overflows to inf.</source>
        <translation>y が大きすぎて（{0}）、(y − t)² が inf にオーバーフローします。</translation>
    </message>
    <message>
        <source>y already looks like probabilities (each row sums to 1). Softmax turns them into other numbers; untick “raw scores” to use them as they are.</source>
        <translation>y はすでに確率のようです（各行の和が 1）。ソフトマックス関数を通すと別の値に変わります。このまま使うには「生のスコア」のチェックを外してください。</translation>
    </message>
    <message>
        <source>t is one-hot, but “class labels” is chosen. The book&apos;s label formula y[np.arange(N), t] would fail here (IndexError); the numbers below read t as one-hot. See the cross-entropy page.</source>
        <translation>t は one-hot 表現ですが、「ラベル表現」が選ばれています。本書のラベル表現用の式 y[np.arange(N), t] は、ここでは失敗します（IndexError）。表示している数値は、t を one-hot 表現として計算したものです。詳しくは「交差エントロピー誤差」のタブを見てください。</translation>
    </message>
    <message>
        <source>t is one-hot, but “class labels” is chosen. The book&apos;s label formula would give {0} instead of {1}: see the cross-entropy page. The numbers below read t as one-hot.</source>
        <translation>t は one-hot 表現ですが、「ラベル表現」が選ばれています。本書のラベル表現用の式では、{1} ではなく {0} になります（「交差エントロピー誤差」のタブを参照）。表示している数値は、t を one-hot 表現として計算したものです。</translation>
    </message>
</context>
<context>
    <name>LossSsePage</name>
    <message>
        <source>y_k = softmax(a)_k</source>
        <translation>y_k = softmax(a)_k</translation>
    </message>
    <message>
        <source>Σ (y_k − t_k)² = {0}</source>
        <translation>Σ (y_k − t_k)² = {0}</translation>
    </message>
    <message>
        <source>E = ½ × {0} = {1}</source>
        <translation>E = ½ × {0} = {1}</translation>
    </message>
    <message>
        <source>Here C = {0}. The book&apos;s E is ½ Σ: the ½ cancels the 2 of the derivative, so ∂E/∂y_k = y_k − t_k.</source>
        <translation>ここでは C = {0} です。本書の E は ½ Σ です。½ が微分で出てくる 2 を打ち消すので、∂E/∂y_k = y_k − t_k となります。なお、初期の刷の本書では、この E を mean squared error（関数名 mean_squared_error）と呼んでいました。</translation>
    </message>
    <message>
        <source>(y_k − t_k)² per class</source>
        <translation>クラスごとの (y_k − t_k)²</translation>
    </message>
    <message>
        <source>class k</source>
        <translation>クラス k</translation>
    </message>
    <message>
        <source>E = ½ Σ_k (y_k − t_k)²  (§4.2.1)</source>
        <translation>E = ½ Σ_k (y_k − t_k)²（§4.2.1）</translation>
    </message>
    <message>
        <source>Three names you will meet</source>
        <translation>よく見かける 3 つの名前</translation>
    </message>
    <message>
        <source>the book&apos;s E (sum of squared errors)</source>
        <translation>本書の E（二乗和誤差）</translation>
    </message>
    <message>
        <source>sum of squares (no ½)</source>
        <translation>二乗の和（½ なし）</translation>
    </message>
    <message>
        <source>mean squared error (÷ C)</source>
        <translation>平均二乗誤差（÷ C）</translation>
    </message>
</context>
<context>
    <name>LossTab</name>
    <message>
        <source>Stale — the input has an error, so this is the result of the last valid input.</source>
        <extracomment>Milliseconds of quiet typing before the losses are recomputed. The most numbers the y and t fields take.</extracomment>
        <translation>古い結果 — 入力に誤りがあるため、最後に正しく入力された値の結果を表示しています。</translation>
    </message>
    <message>
        <source>One sample (N = 1).</source>
        <translation>データは 1 個です（N = 1）。</translation>
    </message>
    <message>
        <source>Mean over the N = {0} rows of the batch, E = (1/N) Σ_n E_n.</source>
        <translation>バッチの N = {0} 行の平均 E = (1/N) Σ_n E_n です。</translation>
    </message>
    <message>
        <source>(0 … {0})</source>
        <translation>(0 … {0})</translation>
    </message>
    <message>
        <source>The label formula −Σ log(y[np.arange(N), t] + δ) / N expects one class index per row. With a one-hot t of shape ({0}, {1}), NumPy cannot pair np.arange({0}) with t and raises IndexError. Choose “detect automatically” or type one label per row.</source>
        <translation>ラベル表現の式 −Σ log(y[np.arange(N), t] + δ) / N は、各行に正解クラスのインデックスが 1 つあるものとして計算します。形状 ({0}, {1}) の one-hot 表現の t では、NumPy は np.arange({0}) と t を対応づけられず、IndexError になります。「自動で判別」を選ぶか、行ごとにラベルを 1 つ入力してください。</translation>
    </message>
    <message>
        <source>y[{0}, {1}] = {2} (×{3})</source>
        <translation>y[{0}, {1}] = {2} (×{3})</translation>
    </message>
    <message>
        <source>The label formula −Σ log(y[np.arange(N), t] + δ) / N expects one class index per row. Fed this one-hot t, NumPy reads every 0 and 1 of t as an index and picks {0}: it gives {1} instead of {2}. Choose “detect automatically” or “one-hot rows”, or type the label.</source>
        <translation>ラベル表現の式 −Σ log(y[np.arange(N), t] + δ) / N は、各行に正解クラスのインデックスが 1 つあるものとして計算します。この one-hot 表現の t を渡すと、NumPy は t の 0 と 1 をすべてインデックスとして読み、{0} を取り出します。その結果、{2} ではなく {1} になります。「自動で判別」か「one-hot 表現」を選ぶか、ラベルを入力してください。</translation>
    </message>
    <message>
        <source>Loss calculator</source>
        <translation>損失関数の計算</translation>
    </message>
    <message>
        <source>Sum of squared errors E</source>
        <translation>二乗和誤差 E</translation>
    </message>
    <message>
        <source>Cross-entropy error E</source>
        <translation>交差エントロピー誤差 E</translation>
    </message>
    <message>
        <source>Row shown:</source>
        <translation>表示する行:</translation>
    </message>
    <message>
        <source>Sum of squared errors</source>
        <translation>二乗和誤差</translation>
    </message>
    <message>
        <source>Cross-entropy error</source>
        <translation>交差エントロピー誤差</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
</context>
<context>
    <name>LossTables</name>
    <message>
        <source>Showing {0} of {1} rows; the mean uses all of them.</source>
        <extracomment>A worked table lists at most this many classes (the correct class always among them). A table is never squeezed below its contents&apos; width, up to this many pixels. The gradient chart draws at most this many classes.</extracomment>
        <translation>{1} 行のうち {0} 行を表示しています。平均はすべての行から計算しています。</translation>
    </message>
    <message>
        <source>Showing {0} of {1} classes; the sums use all of them.</source>
        <translation>{1} クラスのうち {0} クラスを表示しています。和はすべてのクラスから計算しています。</translation>
    </message>
    <message>
        <source>The gradient is divided by N because the loss is a mean over the batch. With N = 1 it makes no difference; for a batch, forgetting “/ batch_size” makes it N times too big.</source>
        <translation>損失はバッチの平均なので、勾配も N で割ります。N = 1 では違いはありませんが、バッチで「/ batch_size」を忘れると、勾配が N 倍も大きくなってしまいます。</translation>
    </message>
    <message>
        <source>The gradient is divided by N because the loss is a mean over the batch; forgetting “/ batch_size” makes it N = {0} times too big.</source>
        <translation>損失はバッチの平均なので、勾配も N で割ります。「/ batch_size」を忘れると、勾配が N = {0} 倍も大きくなってしまいます。</translation>
    </message>
    <message>
        <source>One sample, C = {0} classes</source>
        <translation>データ 1 個、C = {0} クラス</translation>
    </message>
    <message>
        <source>Row {0} of N = {1}</source>
        <translation>N = {1} 行中の {0} 行目</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Export &amp;plot as PNG or SVG…</source>
        <translation>グラフを PNG・SVG で書き出す(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;data as CSV…</source>
        <translation>データを CSV で書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>レイアウトを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Book section of this view</source>
        <translation>この画面に対応する本書の節(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About ZDL Studio</source>
        <translation>ZDL Studio について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <source>Ch. {0} {1}</source>
        <translation>{0}章 {1}</translation>
    </message>
    <message>
        <source>ZDL Studio</source>
        <translation>ZDL Studio</translation>
    </message>
    <message>
        <source>Common mistakes here: {0}</source>
        <translation>この画面のよくある間違い: {0}</translation>
    </message>
    <message>
        <source>The start page lists every chapter of the book and what ZDL Studio lets you do in each. Pick a view on the left, or press Ctrl+1 … Ctrl+9.</source>
        <translation>「はじめに」には本書の各章と、ZDL Studio でそれぞれ何ができるかを載せています。左の一覧から画面を選ぶか、Ctrl+1 … Ctrl+9 を押してください。</translation>
    </message>
    <message>
        <source>{0} covers {1} of the book.

{2}</source>
        <translation>「{0}」は本書の {1} に対応しています。

{2}</translation>
    </message>
    <message>
        <source>{0} covers {1} of chapter {2}, “{3}”.

{4}</source>
        <translation>「{0}」は本書の{2}章「{3}」の {1} に対応しています。

{4}</translation>
    </message>
    <message>
        <source>Book section</source>
        <translation>本書の対応箇所</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <source>About ZDL Studio</source>
        <translation>ZDL Studio について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ZDL Studio {0}&lt;/h3&gt;&lt;p&gt;A study companion for 『ゼロから作るDeep Learning』: the book&apos;s mathematics in plain NumPy, made visible and checkable.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ZDL Studio {0}&lt;/h3&gt;&lt;p&gt;『ゼロから作るDeep Learning』の学習を助けるアプリです。本書の数式を素の NumPy で実装し、目で見て、手で確かめられるようにしました。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This page has nothing of that kind to export.</source>
        <translation>この画面には書き出せるものがありません。</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>グラフの書き出し</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>書き出しに失敗しました</translation>
    </message>
    <message>
        <source>Could not write {0}:
{1}</source>
        <translation>{0} に書き込めませんでした:
{1}</translation>
    </message>
</context>
<context>
    <name>MistakesGalleryPage</name>
    <message>
        <source>Search: sigmoid, ndim, B12, copy …</source>
        <translation>検索: sigmoid、ndim、B12、copy …</translation>
    </message>
    <message>
        <source>No mistake matches the search.</source>
        <translation>検索に一致する間違いはありません。</translation>
    </message>
    <message>
        <source>Buggy</source>
        <translation>間違ったコード</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正しいコード</translation>
    </message>
    <message>
        <source>Demo input, run on both versions:</source>
        <translation>デモの入力（両方のコードで実行します）:</translation>
    </message>
    <message>
        <source>Buggy version gives</source>
        <translation>間違ったコードの結果</translation>
    </message>
    <message>
        <source>Correct version gives</source>
        <translation>正しいコードの結果</translation>
    </message>
    <message>
        <source>Lines marked − differ from the correct version</source>
        <translation>− の付いた行は正しいコードと異なります</translation>
    </message>
    <message>
        <source>Lines marked + differ from the buggy version</source>
        <translation>+ の付いた行は間違ったコードと異なります</translation>
    </message>
    <message>
        <source>Chapter {0} · {1}</source>
        <translation>{0}章 · {1}</translation>
    </message>
    <message>
        <source>added from the per-chapter pain points</source>
        <translation>章ごとのつまずきポイントから追加</translation>
    </message>
    <message>
        <source>Open in: {0}</source>
        <translation>「{0}」で開く</translation>
    </message>
    <message>
        <source>Show the study view where this idea lives</source>
        <translation>この内容を扱う学習画面を表示します</translation>
    </message>
    <message>
        <source>{0} come from ZDL Studio&apos;s core (the book&apos;s common/ folder).</source>
        <translation>{0} は ZDL Studio の core（本書の common/ フォルダに相当）のものです。</translation>
    </message>
    <message>
        <source>The correct version differs from {0}.</source>
        <translation>正しいコードの結果が {0} と異なります。</translation>
    </message>
    <message>
        <source>The correct version gives the same result as {0}, ZDL Studio&apos;s own implementation.</source>
        <translation>正しいコードは、ZDL Studio 自身の実装である {0} と同じ結果になります。</translation>
    </message>
    <message>
        <source>✓ correct</source>
        <translation>✓ 正しいコード</translation>
    </message>
    <message>
        <source>✗ buggy</source>
        <translation>✗ 間違ったコード</translation>
    </message>
</context>
<context>
    <name>MistakesTab</name>
    <message>
        <source>Sigmoid written as 1 / 1 + exp(−x)</source>
        <extracomment>Title and explanation of every mistake, by id (English source, translated where shown).</extracomment>
        <translation>シグモイド関数を 1 / 1 + exp(−x) と書く</translation>
    </message>
    <message>
        <source>Division binds tighter than addition, so 1 / 1 + np.exp(-x) is 1 + exp(−x): 2.0 at x = 0, and above 1 everywhere. The denominator needs parentheses: 1 / (1 + np.exp(-x)) is 0.5 at x = 0 and stays between 0 and 1.</source>
        <translation>割り算は足し算より先に計算されるので、1 / 1 + np.exp(-x) は 1 + exp(−x) になります。x = 0 では 2.0 になり、どこでも 1 より大きくなります。分母には括弧が必要です。1 / (1 + np.exp(-x)) なら x = 0 で 0.5 になり、値は常に 0 と 1 の間に収まります。</translation>
    </message>
    <message>
        <source>Step function with the condition inverted</source>
        <translation>条件が逆になったステップ関数</translation>
    </message>
    <message>
        <source>x &lt;= 0 picks the inputs that should give 0, so the output is upside down: [−1, 1, 2] gives [1 0 0] instead of [0 1 1]. The step function fires for x &gt; 0.</source>
        <translation>x &lt;= 0 では 0 を出力すべき入力が選ばれるので、出力が逆になります。[−1, 1, 2] に対して、[0 1 1] ではなく [1 0 0] になります。ステップ関数が 1 を出力する（発火する）のは x &gt; 0 のときです。</translation>
    </message>
    <message>
        <source>ReLU written as its derivative</source>
        <translation>ReLU の代わりにその微分を書く</translation>
    </message>
    <message>
        <source>(x &gt; 0).astype(int) is 1 wherever x &gt; 0: that is the derivative of ReLU (a step function), not ReLU. ReLU passes the value itself: np.maximum(0, x).</source>
        <translation>(x &gt; 0).astype(int) は x &gt; 0 のところですべて 1 になります。これは ReLU ではなく、ReLU の微分（ステップ関数）です。ReLU は値そのものを通します: np.maximum(0, x)。</translation>
    </message>
    <message>
        <source>if x &gt; 0: on a NumPy array</source>
        <translation>NumPy 配列に if x &gt; 0: を使う</translation>
    </message>
    <message>
        <source>if needs a single True or False, but x &gt; 0 on an array is an array of them, so NumPy refuses to guess. Work element by element: x &gt; 0 is a bool array, and astype(int) turns it into 0s and 1s.</source>
        <translation>if には True か False のどちらか 1 つが必要ですが、配列に対する x &gt; 0 は True と False の配列になるので、NumPy はどちらとも決められずにエラーにします。要素ごとに処理しましょう。x &gt; 0 は bool の配列で、astype(int) でそれを 0 と 1 に変換できます。</translation>
    </message>
    <message>
        <source>dtype np.int in a recent NumPy</source>
        <translation>最近の NumPy で dtype に np.int を使う</translation>
    </message>
    <message>
        <source>np.int was only another name for Python&apos;s int and was removed in NumPy 1.24, so older code (the book&apos;s own included) stops with AttributeError. Write int.</source>
        <translation>np.int は Python の int の別名にすぎず、NumPy 1.24 で削除されました。そのため、古いコード（本書のコードも含みます）は AttributeError で止まります。int と書きましょう。</translation>
    </message>
    <message>
        <source>Softmax: the overflow guard is computed but not used</source>
        <translation>ソフトマックス関数: オーバーフロー対策を計算したのに使っていない</translation>
    </message>
    <message>
        <source>exp(a − c) is computed, but the division still uses np.exp(a), which overflows to inf for scores like 1010, and inf / inf is nan. On small scores both versions agree, so the slip stays hidden until the input is large.</source>
        <translation>exp(a − c) を計算していますが、割り算ではまだ np.exp(a) を使っています。np.exp(a) は 1010 のようなスコアで inf にオーバーフローし、inf / inf は nan になります。スコアが小さいうちは両方のコードの結果が一致するので、入力が大きくなるまでこの間違いは表に出ません。</translation>
    </message>
    <message>
        <source>Batch softmax without axis</source>
        <translation>axis を指定しないバッチ版ソフトマックス関数</translation>
    </message>
    <message>
        <source>np.max and np.sum without axis work over the whole batch, so every row is divided by the sum of all rows and the rows no longer add up to 1. With axis=-1 and keepdims=True each row is normalised on its own.</source>
        <translation>axis を指定しない np.max と np.sum はバッチ全体を対象に計算するので、どの行もすべての行の総和で割られ、各行の和が 1 になりません。axis=-1 と keepdims=True を指定すれば、行ごとに正規化されます。</translation>
    </message>
    <message>
        <source>np.argmax on a batch without axis</source>
        <translation>バッチに対して axis を指定せずに np.argmax を使う</translation>
    </message>
    <message>
        <source>Without axis, np.argmax looks at the flattened array and returns a single flat index. For one predicted class per row, use axis=1.</source>
        <translation>axis を指定しないと、np.argmax は配列を 1 次元に平らにしたものを調べ、その中のインデックスを 1 つだけ返します。行ごとに予測したクラスを 1 つずつ得るには、axis=1 を指定します。</translation>
    </message>
    <message>
        <source>Python&apos;s max instead of np.max</source>
        <translation>np.max の代わりに Python の max を使う</translation>
    </message>
    <message>
        <source>The built-in max() is not NumPy&apos;s: it takes no dtype argument, so Python stops with TypeError. np.max(a) gives the largest score.</source>
        <translation>組み込みの max() は NumPy のものではありません。dtype 引数を受け取らないので、Python は TypeError で止まります。最大のスコアは np.max(a) で得られます。</translation>
    </message>
    <message>
        <source>y.dim instead of y.ndim</source>
        <translation>y.ndim を y.dim と書く</translation>
    </message>
    <message>
        <source>NumPy arrays have ndim (the number of dimensions), not dim, so the first line already raises AttributeError. One letter fixes it.</source>
        <translation>NumPy の配列にあるのは ndim（次元数）で、dim ではありません。そのため、最初の行でもう AttributeError が発生します。1 文字直せば動きます。</translation>
    </message>
    <message>
        <source>Batch cross-entropy divided by ndim</source>
        <translation>バッチ版の交差エントロピー誤差を ndim で割る</translation>
    </message>
    <message>
        <source>y.ndim is the number of dimensions (2 for a batch), not the number of samples. For 100 copies of the book&apos;s example the sum is divided by 2 instead of 100: 25.54 instead of 0.5108. Divide by the batch size y.shape[0].</source>
        <translation>y.ndim は次元数（バッチなら 2）で、データの個数ではありません。本書の例を 100 個並べると、和を 100 ではなく 2 で割ってしまい、0.5108 ではなく 25.54 になります。バッチサイズ y.shape[0] で割りましょう。</translation>
    </message>
    <message>
        <source>Label cross-entropy fed a one-hot t</source>
        <translation>ラベル表現用の交差エントロピー誤差に one-hot 表現の t を渡す</translation>
    </message>
    <message>
        <source>The label version picks y[n, t[n]]. Given a one-hot t it uses the 0s and 1s as class numbers and picks y[0, 0] nine times and y[0, 1] once: 23.72 instead of 0.5108. Turn a one-hot t into labels with argmax first.</source>
        <translation>ラベル表現用のコードは y[n, t[n]] を取り出します。one-hot 表現の t を渡すと 0 と 1 をクラスの番号として使うので、y[0, 0] を 9 回、y[0, 1] を 1 回取り出し、0.5108 ではなく 23.72 になります。one-hot 表現の t は、先に argmax でラベルに変換しましょう。</translation>
    </message>
    <message>
        <source>Cross-entropy without delta</source>
        <translation>delta を足さない交差エントロピー誤差</translation>
    </message>
    <message>
        <source>When the correct class has y = 0, log(0) is −inf and the loss is inf; 0 × log(0) for another class gives nan. delta = 1e-7 inside the log caps the loss at −log(1e-7) = 16.118.</source>
        <translation>正解クラスの y が 0 だと log(0) は −inf になり、損失は inf になります。ほかのクラスでは 0 × log(0) が nan になります。log の中で delta = 1e-7 を足せば、損失は最大でも −log(1e-7) = 16.118 に抑えられます。</translation>
    </message>
    <message>
        <source>Sum of squared errors without ½</source>
        <translation>½ を掛けない二乗和誤差</translation>
    </message>
    <message>
        <source>The book&apos;s error is E = ½ Σ (y − t)²: 0.0975 for its example. Without the ½ it is 0.195, and a mean of the squares gives 0.0195. (The book&apos;s code called it mean_squared_error until 2019, although it is half a sum.)</source>
        <translation>本書の誤差は E = ½ Σ (y − t)² で、本書の例では 0.0975 です。½ がないと 0.195 になり、二乗の平均をとると 0.0195 になります。（本書のコードでは、和の半分であるにもかかわらず、2019 年までこれを mean_squared_error と呼んでいました。）</translation>
    </message>
    <message>
        <source>h = 1e-50 in numerical differentiation</source>
        <translation>数値微分で h = 1e-50 を使う</translation>
    </message>
    <message>
        <source>1e-50 is far below what a float64 can add to 5, so x + h == x and the difference is exactly 0. Use h = 1e-4 with the central difference (f(x+h) − f(x−h)) / 2h.</source>
        <translation>1e-50 は、float64 で 5 に足して違いが出る値よりもはるかに小さいので、x + h == x となり、差はちょうど 0 になります。h = 1e-4 とし、中心差分 (f(x+h) − f(x−h)) / 2h を使いましょう。</translation>
    </message>
    <message>
        <source>numerical_gradient on an integer array</source>
        <translation>整数の配列に numerical_gradient を使う</translation>
    </message>
    <message>
        <source>An integer array cannot hold 3.0001: x[i] = 3 + 1e-4 stores 3 and 3 − 1e-4 stores 2, so the gradient is nonsense. Work on a float copy of x.</source>
        <translation>整数の配列には 3.0001 を格納できません。x[i] = 3 + 1e-4 では 3 が、3 − 1e-4 では 2 が格納されるので、勾配はでたらめな値になります。x を浮動小数点数の配列にしたコピーで計算しましょう。</translation>
    </message>
    <message>
        <source>Forward difference instead of central</source>
        <translation>中心差分の代わりに前方差分を使う</translation>
    </message>
    <message>
        <source>(f(x+h) − f(x)) / h is really the slope at about x + h/2: its error shrinks only like h. The central difference (f(x+h) − f(x−h)) / 2h is accurate to about h².</source>
        <translation>(f(x+h) − f(x)) / h は、実際には x + h/2 あたりでの傾きです。その誤差は h に比例してしか小さくなりません。中心差分 (f(x+h) − f(x−h)) / 2h なら、誤差はおよそ h² 程度です。</translation>
    </message>
    <message>
        <source>range(x.size) over a 2-D array</source>
        <translation>2 次元配列を range(x.size) でループする</translation>
    </message>
    <message>
        <source>For a matrix, x[i] is a whole row, and i runs up to x.size − 1 while there are only two rows: IndexError. Visit every element with np.ndindex(x.shape) (or np.nditer with multi_index).</source>
        <translation>行列では x[i] は 1 行全体です。しかも i は x.size − 1 まで進みますが、行は 2 つしかないので IndexError になります。すべての要素をたどるには np.ndindex(x.shape)（または multi_index を指定した np.nditer）を使います。</translation>
    </message>
    <message>
        <source>A learning rate that is far too large</source>
        <translation>大きすぎる学習率</translation>
    </message>
    <message>
        <source>With lr = 10 every step overshoots and x grows 19-fold, until it is so large that x + h == x and the numerical gradient becomes 0: the path stops far away. lr = 0.1 walks down to the minimum.</source>
        <translation>lr = 10 ではステップのたびに行き過ぎて、x は 19 倍ずつ大きくなります。やがて x + h == x となるほど大きくなると、数値微分による勾配が 0 になり、軌跡は遠く離れた場所で止まってしまいます。lr = 0.1 なら最小値まで下っていきます。</translation>
    </message>
    <message>
        <source>Gradient ascent instead of descent</source>
        <translation>勾配を下らずに上ってしまう</translation>
    </message>
    <message>
        <source>x += lr * grad moves uphill, so the loss grows with every step. Gradient descent subtracts: x -= lr * grad.</source>
        <translation>x += lr * grad では坂を上るので、ステップのたびに損失が大きくなります。勾配降下法では引き算をします: x -= lr * grad。</translation>
    </message>
    <message>
        <source>Labels taken from the images</source>
        <translation>ラベルを画像から取り出す</translation>
    </message>
    <message>
        <source>t_batch = x_train[batch_mask] makes images the labels (one row of pixels per sample instead of one class), and the loss computed from them means nothing. Take the labels from t_train.</source>
        <translation>t_batch = x_train[batch_mask] では画像が正解ラベルになってしまい（データごとに 1 つのクラスではなく、1 行分の画素）、そこから計算した損失には意味がありません。ラベルは t_train から取り出しましょう。</translation>
    </message>
    <message>
        <source>One MulLayer used for two multiplications</source>
        <translation>1 つの MulLayer を 2 つの乗算に使う</translation>
    </message>
    <message>
        <source>A layer keeps the inputs of its last forward for backward. Used twice, it keeps only the second multiplication&apos;s, so the apple&apos;s gradients come out as 1.21 and 220 instead of 2.2 and 110. Use one layer per node of the graph.</source>
        <translation>レイヤは、最後に行った forward の入力を backward のために保持します。2 回使うと 2 つ目の乗算の入力しか残らないので、りんごの勾配が 2.2 と 110 ではなく 1.21 と 220 になります。計算グラフのノードごとに 1 つのレイヤを使いましょう。</translation>
    </message>
    <message>
        <source>ReLU layer without copy()</source>
        <translation>copy() を使わない ReLU レイヤ</translation>
    </message>
    <message>
        <source>out = x makes out a second name for the same array, so out[mask] = 0 also zeroes the caller&apos;s x. x.copy() leaves the input as it was.</source>
        <translation>out = x では out が同じ配列の別名になるだけなので、out[mask] = 0 で呼び出し元の x まで 0 に書き換わります。x.copy() を使えば、入力は元のまま残ります。</translation>
    </message>
    <message>
        <source>A typo in backward: self.mack</source>
        <translation>backward のタイプミス: self.mack</translation>
    </message>
    <message>
        <source>forward stores self.mask, backward asks for self.mack, which was never set: AttributeError, but only once backward runs. The names must match.</source>
        <translation>forward では self.mask に保存し、backward では一度も設定されていない self.mack を参照しています。AttributeError になりますが、それは backward を実行したときに初めて起こります。名前は一致させなければなりません。</translation>
    </message>
    <message>
        <source>Affine: dW = Wᵀ · dout</source>
        <translation>Affine: dW = Wᵀ · dout</translation>
    </message>
    <message>
        <source>The weight gradient is Xᵀ · dout, which has the shape of W (inputs × outputs). Wᵀ · dout does not even fit, and NumPy says which shapes are not aligned.</source>
        <translation>重みの勾配は Xᵀ · dout で、W と同じ形状（入力の数 × 出力の数）になります。Wᵀ · dout ではそもそも形状が合わず、どの形状が揃っていない（not aligned）かを NumPy が示します。</translation>
    </message>
    <message>
        <source>Affine: db without the sum over the batch</source>
        <translation>Affine: バッチについて和をとらない db</translation>
    </message>
    <message>
        <source>b is added to every row, so its gradient is dout summed over the rows, of shape (3,). Keeping dout itself gives shape (4, 3), and the update b -= lr * db fails.</source>
        <translation>b はすべての行に足されるので、その勾配は dout のすべての行を足し合わせたもので、形状は (3,) です。dout をそのまま使うと形状は (4, 3) になり、更新 b -= lr * db が失敗します。</translation>
    </message>
    <message>
        <source>Affine: dx = dout · W</source>
        <translation>Affine: dx = dout · W</translation>
    </message>
    <message>
        <source>dx must have the shape of x: dout · Wᵀ. Without the transpose the shapes do not fit and NumPy stops.</source>
        <translation>dx は x と同じ形状でなければならないので、dout · Wᵀ です。転置をしないと形状が合わず、NumPy がエラーで止まります。</translation>
    </message>
    <message>
        <source>SoftmaxWithLoss backward without / batch_size</source>
        <translation>/ batch_size のない SoftmaxWithLoss の backward</translation>
    </message>
    <message>
        <source>The loss is the mean over the batch, so its gradient is (y − t) / N. Without / N every gradient is N times too large (4 times here), and comparing with the numerical gradient shows it at once.</source>
        <translation>損失はバッチの平均なので、その勾配は (y − t) / N です。/ N がないと、すべての勾配が N 倍（ここでは 4 倍）も大きくなります。数値微分による勾配と比べれば、すぐにわかります。</translation>
    </message>
    <message>
        <source>SoftmaxWithLoss.__init__ sets self.y twice</source>
        <translation>SoftmaxWithLoss.__init__ で self.y を 2 回設定する</translation>
    </message>
    <message>
        <source>A copied line sets self.y = None twice and never self.t. Everything works once forward has run, so the slip hides; before forward the layer has no t at all.</source>
        <translation>行をコピーしたせいで self.y = None を 2 回設定し、self.t は一度も設定していません。forward を一度実行すればすべて動くので、この間違いは隠れてしまいます。forward の前には、このレイヤには t がまったくありません。</translation>
    </message>
    <message>
        <source>Sigmoid backward computed from x</source>
        <translation>x から計算した Sigmoid の backward</translation>
    </message>
    <message>
        <source>The derivative is y(1 − y) with y the output stored in forward. Using x gives x(1 − x): 0 at x = 1 instead of 0.1966.</source>
        <translation>微分は y(1 − y) で、y は forward で保存した出力です。x を使うと x(1 − x) になり、x = 1 では 0.1966 ではなく 0 になります。</translation>
    </message>
    <message>
        <source>Momentum with the gradient&apos;s sign flipped</source>
        <translation>勾配の符号が逆になった Momentum</translation>
    </message>
    <message>
        <source>v = μv + lr·g pushes the velocity up the slope, so every step climbs and the path runs away. The velocity update subtracts the gradient: v = μv − lr·g.</source>
        <translation>v = μv + lr·g では速度を坂の上向きに押すので、ステップのたびに坂を上り、軌跡はどんどん離れていきます。速度の更新では勾配を引きます: v = μv − lr·g。</translation>
    </message>
    <message>
        <source>AdaGrad that forgets h at every update</source>
        <translation>更新のたびに h を忘れる AdaGrad</translation>
    </message>
    <message>
        <source>Creating h inside update() throws the history away, so h is just g² and every step is lr·sign(g): the path keeps bouncing around the minimum. Create h once, on the first update.</source>
        <translation>update() の中で h を作ると、それまでの履歴が捨てられます。h は単に g² になり、どのステップも lr·sign(g) になるので、軌跡は最小値の周りで跳ね続けます。h は最初の更新のときに一度だけ作りましょう。</translation>
    </message>
    <message>
        <source>Nesterov updating v before the parameters</source>
        <translation>パラメータより先に v を更新する Nesterov</translation>
    </message>
    <message>
        <source>The parameters must move with the old velocity: θ += μ²v − (1 + μ)·lr·g, and only then v = μv − lr·g. The book&apos;s code did it the other way round until a 2021 fix, which is a different method with a different path.</source>
        <translation>パラメータは古い速度で動かさなければなりません: θ += μ²v − (1 + μ)·lr·g。そのあとで v = μv − lr·g とします。本書のコードは 2021 年に修正されるまで逆の順序になっていましたが、それは別の手法で、軌跡も異なります。</translation>
    </message>
    <message>
        <source>All weights start at zero</source>
        <translation>重みの初期値をすべて 0 にする</translation>
    </message>
    <message>
        <source>With equal initial weights every hidden unit computes the same and receives the same gradient, so the units stay identical: the layer acts like one unit. Random initial weights (Xavier, He) break the symmetry.</source>
        <translation>重みの初期値がすべて等しいと、隠れ層のどのニューロンも同じ計算をし、同じ勾配を受け取るので、ニューロンはいつまでも同じままです。つまり、その層は 1 つのニューロンのようにふるまいます。ランダムな初期値（Xavier、He）を使えば、この対称性が崩れます。</translation>
    </message>
    <message>
        <source>Dropout at test time without scaling</source>
        <translation>テスト時に出力を縮小しない Dropout</translation>
    </message>
    <message>
        <source>In training each unit is kept with probability 1 − ratio, so on average it passes (1 − ratio)·x. At test time every unit is on; without × (1 − ratio) the outputs are larger than anything the network saw in training.</source>
        <translation>訓練時には各ニューロンが確率 1 − ratio で残されるので、平均すると (1 − ratio)·x を伝えます。テスト時にはすべてのニューロンが有効になるため、× (1 − ratio) をしないと、出力は訓練時にネットワークが受け取ったどの値よりも大きくなってしまいます。</translation>
    </message>
    <message>
        <source>A float used as a slice index</source>
        <translation>スライスのインデックスに浮動小数点数を使う</translation>
    </message>
    <message>
        <source>x_train.shape[0] * 0.2 is a float, and slices need integers: TypeError. int(...) makes it a whole number.</source>
        <translation>x_train.shape[0] * 0.2 は浮動小数点数ですが、スライスには整数が必要なので TypeError になります。int(...) で整数にしましょう。</translation>
    </message>
    <message>
        <source>col2im with = instead of +=</source>
        <translation>col2im で += の代わりに = を使う</translation>
    </message>
    <message>
        <source>Neighbouring windows overlap, so a pixel receives gradient from every window that covers it. With = each window overwrites the last and the overlaps are under-counted; += adds them up. (Shown for one channel and stride 1.)</source>
        <translation>隣り合うウィンドウは重なっているので、1 つの画素は、それを含むすべてのウィンドウから勾配を受け取ります。= では各ウィンドウが直前の値を上書きし、重なった部分の勾配が足りなくなります。+= ならすべて足し合わされます。（1 チャンネル、ストライド 1 の場合を示しています。）</translation>
    </message>
    <message>
        <source>Pooling with stride 1</source>
        <translation>ストライド 1 のプーリング</translation>
    </message>
    <message>
        <source>Pooling windows normally do not overlap: the stride equals the window size. With stride 1 a 4×4 input gives 3×3 instead of 2×2. The book&apos;s code defaulted to stride 1 until 2020.</source>
        <translation>プーリングのウィンドウは、通常は重なりません。ストライドはウィンドウの大きさと同じ値にします。ストライド 1 では、4×4 の入力から 2×2 ではなく 3×3 の出力になります。本書のコードでは、2020 年までストライドの既定値が 1 でした。</translation>
    </message>
    <message>
        <source>relu_grad with np.zeros(x)</source>
        <translation>np.zeros(x) を使った relu_grad</translation>
    </message>
    <message>
        <source>np.zeros expects a shape, so np.zeros(x) tries to use the values of x as dimensions: TypeError. np.zeros_like(x) makes zeros of x&apos;s shape.</source>
        <translation>np.zeros は形状を受け取るので、np.zeros(x) は x の値を各次元の大きさとして使おうとして TypeError になります。np.zeros_like(x) なら、x と同じ形状で要素がすべて 0 の配列を作れます。</translation>
    </message>
    <message>
        <source>Sigmoid: buggy and correct</source>
        <extracomment>Plot title, y-axis label and x-axis label for the entries that have a plot.</extracomment>
        <translation>シグモイド関数: 間違ったコードと正しいコード</translation>
    </message>
    <message>
        <source>Step function: buggy and correct</source>
        <translation>ステップ関数: 間違ったコードと正しいコード</translation>
    </message>
    <message>
        <source>ReLU: buggy and correct</source>
        <translation>ReLU: 間違ったコードと正しいコード</translation>
    </message>
    <message>
        <source>Loss against the correct class&apos;s probability</source>
        <translation>正解クラスの確率と損失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>y of the correct class (log scale)</source>
        <translation>正解クラスの y（対数目盛）</translation>
    </message>
    <message>
        <source>Loss after each step</source>
        <translation>各ステップ後の損失</translation>
    </message>
    <message>
        <source>f(x) (log scale)</source>
        <translation>f(x)（対数目盛）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Path on f(x, y) = x²/20 + y²</source>
        <translation>f(x, y) = x²/20 + y² 上の軌跡</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>よくある間違い</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>ギャラリー</translation>
    </message>
    <message>
        <source>Check my code</source>
        <translation>自分のコードをチェック</translation>
    </message>
</context>
<context>
    <name>NetworkInspector</name>
    <message>
        <source>Weights per layer</source>
        <translation>層ごとの重みの分布</translation>
    </message>
    <message>
        <source>share of weights</source>
        <translation>重みの割合</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>重みの値</translation>
    </message>
    <message>
        <source>Activations (§6.2, Fig. 6-10)</source>
        <translation>アクティベーション分布（§6.2、図 6-10）</translation>
    </message>
    <message>
        <source>share of hidden outputs</source>
        <translation>隠れ層の出力の割合</translation>
    </message>
    <message>
        <source>activation value</source>
        <translation>アクティベーションの値</translation>
    </message>
    <message>
        <source>Start a run: the network&apos;s insides appear here and follow the training.</source>
        <translation>学習を開始すると、ここにネットワークの内部が表示され、学習の進行に合わせて変化します。</translation>
    </message>
    <message>
        <source>After {0} updates.</source>
        <translation>{0} 回の更新後です。</translation>
    </message>
    <message>
        <source>Initial weights, before the first update.</source>
        <translation>最初の更新の前の、重みの初期値です。</translation>
    </message>
    <message>
        <source>{0} hold NaN or infinite values: the run diverged.</source>
        <translation>{0} に NaN または無限大の値が含まれています。学習が発散しました。</translation>
    </message>
    <message>
        <source>Largest |weight|: {0}.</source>
        <translation>|重み| の最大値: {0}。</translation>
    </message>
    <message>
        <source>{0}: mean {1}, std {2}</source>
        <translation>{0}: 平均 {1}、標準偏差 {2}</translation>
    </message>
    <message>
        <source>First-layer weights are drawn as images for image data only; these points have 2 inputs. See the decision boundary page instead.</source>
        <translation>1 層目の重みを画像として描くのは、画像データの場合だけです。この点のデータは入力が 2 つしかありません。代わりに「境界線」のページを見てください。</translation>
    </message>
    <message>
        <source>Each tile: the weights one first-layer unit gives every input pixel (W1&apos;s column), red &gt; 0, blue &lt; 0, scaled per tile.</source>
        <translation>各タイルは、1 層目のニューロン 1 個が入力の各ピクセルに掛ける重み（W1 の列）です。赤 &gt; 0、青 &lt; 0 で、色の濃さはタイルごとに調整しています。</translation>
    </message>
</context>
<context>
    <name>NetworkStepsPage</name>
    <message>
        <source>Step {0} of {1}: {2}</source>
        <extracomment>How many inputs the batch toggle feeds at once (the book&apos;s batch_size, §3.6.3). How many rows of a batch matrix are printed before &quot;...&quot;. Milliseconds between steps while playing. Operand slots on the page: up to three inputs and the result.</extracomment>
        <translation>ステップ {0}/{1}: {2}</translation>
    </message>
    <message>
        <source>Row 0 of {0} is {1}: the same numbers as for the single input X = [1.0, 0.5], which is row 0 of the batch.</source>
        <translation>{0} の 0 行目は {1} です。バッチの 0 行目である X = [1.0, 0.5] を単独で入力したときと同じ数になります。</translation>
    </message>
    <message>
        <source>… {0} rows (the first {1} shown)</source>
        <translation>… 全 {0} 行（先頭の {1} 行を表示）</translation>
    </message>
    <message>
        <source>The input: a batch of {0} inputs, one per row, so X has the shape {1}. Row 0 is the book&apos;s X = [1.0, 0.5]; the others are made-up inputs.</source>
        <translation>入力: {0} 個の入力を 1 行に 1 つずつ並べたバッチなので、X の形状は {1} です。0 行目は本書の X = [1.0, 0.5] で、ほかの行は適当に作った入力です。</translation>
    </message>
    <message>
        <source>The input: the book&apos;s X = [1.0, 0.5], a 1-D array of shape {0}.</source>
        <translation>入力: 本書の X = [1.0, 0.5] で、形状 {0} の 1 次元配列です。</translation>
    </message>
    <message>
        <source>Layer {0}: np.dot({1}, {2}) needs the last dimension of {1} to equal the first dimension of {2} ({3} = {4}); then the bias {5} {6} is added. Result: {7}.</source>
        <translation>第 {0} 層: np.dot({1}, {2}) では、{1} の最後の次元の要素数と {2} の最初の次元の要素数が一致していなければなりません（{3} = {4}）。そのあとバイアス {5} {6} を加えます。結果は {7} です。</translation>
    </message>
    <message>
        <source>{0} holds one number per neuron; NumPy adds it to each of the {1} rows (broadcasting).</source>
        <translation>{0} はニューロンごとに数を 1 つ持ちます。NumPy はそれを {1} 行のそれぞれに加えます（ブロードキャスト）。</translation>
    </message>
    <message>
        <source>The activation function h() = sigmoid works on each number by itself, so the shape stays {0}.</source>
        <translation>活性化関数 h() = sigmoid は各要素に 1 つずつ独立に作用するので、形状は {0} のまま変わりません。</translation>
    </message>
    <message>
        <source>The output layer&apos;s σ() is the identity function here: Y is A3 unchanged, shape {0}.</source>
        <translation>ここでは出力層の σ() は恒等関数です。Y は A3 そのままで、形状は {0} です。</translation>
    </message>
    <message>
        <source>np.argmax(Y, axis=1) → {0} …: one class per row ({1} answers).
np.argmax(Y) → {2}: without axis=1 NumPy looks at all {3} numbers as one long row and returns a single position (row {4}, column {5}), not a class per input.</source>
        <translation>np.argmax(Y, axis=1) → {0} …: 1 行につき 1 つのクラス（答えは {1} 個）。
np.argmax(Y) → {2}: axis=1 を指定しないと、NumPy は {3} 個の数すべてを 1 本の長い行とみなし、入力ごとのクラスではなく、ただ 1 つの位置（{4} 行目、{5} 列目）を返します。</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <source>Batch: {0} inputs at once</source>
        <translation>バッチ: {0} 個の入力をまとめて処理</translation>
    </message>
    <message>
        <source>Feed {0} inputs as the rows of X (§3.6.3): every shape gains a first dimension of {0}; W and B do not change.</source>
        <translation>{0} 個の入力を X の各行としてまとめて与えます（§3.6.3）。どの形状にも要素数 {0} の次元が先頭に加わりますが、W と B は変わりません。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>計算</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>No np.dot in this step: nothing has to match, and the shape stays the same.</source>
        <translation>このステップには np.dot がありません。一致させるべき次元はなく、形状も変わりません。</translation>
    </message>
</context>
<context>
    <name>NumPyStepsPage</name>
    <message>
        <source>Type at least one number, for example -1.0, 1.0, 2.0.</source>
        <extracomment>The three steps of §3.2.3 as code; the code is shown as is, never translated.</extracomment>
        <translation>数を 1 つ以上入力してください（例: -1.0, 1.0, 2.0）。</translation>
    </message>
    <message>
        <source>There are more than {0} numbers, the most this field takes.</source>
        <translation>数が {0} 個を超えています。この欄に入るのは {0} 個までです。</translation>
    </message>
    <message>
        <source>A number is missing at position {0}.</source>
        <translation>{0} 文字目に数がありません。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; at position {1} is not a number.</source>
        <translation>{1} 文字目の「{0}」は数ではありません。</translation>
    </message>
    <message>
        <source>{0} at position {1}: only finite numbers are allowed here (no nan or inf, nothing beyond about {2}).</source>
        <translation>{1} 文字目の {0}: ここには有限の数だけを入力できます（nan や inf、約 {2} を超える数は使えません）。</translation>
    </message>
    <message>
        <source>The &apos;...&apos; at position {0} comes from NumPy&apos;s shortened printout; type all the numbers.</source>
        <translation>{0} 文字目の「...」は NumPy が省略して表示した印です。すべての数を入力してください。</translation>
    </message>
    <message>
        <source>The bracket &apos;{0}&apos; at position {1} has no partner.</source>
        <translation>{1} 文字目のかっこ「{0}」に対応するかっこがありません。</translation>
    </message>
    <message>
        <source>Type a single row of numbers (a 1-D array); see position {0}.</source>
        <translation>数を 1 行だけ（1 次元の配列として）入力してください。{0} 文字目を確認してください。</translation>
    </message>
    <message>
        <source>Showing the result for the last valid input: {0}</source>
        <translation>最後に正しく入力された値の結果を表示しています: {0}</translation>
    </message>
    <message>
        <source>x has {0} elements. NumPy prints only the first and last {1} of an array with more than {2}, with ... between them, and so does this page.</source>
        <translation>x の要素数は {0} 個です。NumPy は要素が {2} 個を超える配列を、先頭と末尾の {1} 個ずつだけ「...」でつないで表示します。この画面も同じです。</translation>
    </message>
    <message>
        <source>x has {0} elements.</source>
        <translation>x の要素数は {0} 個です。</translation>
    </message>
    <message>
        <source>x &gt; 0 is a whole array of True and False, so Python cannot tell whether the if holds. Compare element by element instead: (x &gt; 0).astype(int).</source>
        <translation>x &gt; 0 は True と False が並んだ配列なので、Python には if が成り立つかどうか決められません。要素ごとに比べる (x &gt; 0).astype(int) を使いましょう。</translation>
    </message>
    <message>
        <source>With a single element the if works, but the same function fails as soon as x holds two or more numbers. (x &gt; 0).astype(int) works for any size.</source>
        <translation>要素が 1 つなら if でも動きますが、x に数が 2 つ以上あるとその関数は失敗します。(x &gt; 0).astype(int) ならどんな大きさでも動きます。</translation>
    </message>
    <message>
        <source>Your array x</source>
        <translation>配列 x</translation>
    </message>
    <message>
        <source>Numbers (commas or spaces):</source>
        <translation>数（カンマか空白で区切る）:</translation>
    </message>
    <message>
        <source>for example -1.0, 1.0, 2.0</source>
        <translation>例: -1.0, 1.0, 2.0</translation>
    </message>
    <message>
        <source>The step function on an array, one NumPy step at a time</source>
        <translation>配列に対するステップ関数を NumPy の 1 ステップずつ</translation>
    </message>
    <message>
        <source>the array, as print(x) shows it</source>
        <translation>print(x) で表示される配列</translation>
    </message>
    <message>
        <source>compares every element with 0: an array of bool</source>
        <translation>各要素を 0 と比べた結果: bool の配列</translation>
    </message>
    <message>
        <source>True becomes 1 and False 0: the step function&apos;s output</source>
        <translation>True が 1、False が 0 になる: ステップ関数の出力</translation>
    </message>
    <message>
        <source>Every activation function on x, as print() shows it</source>
        <translation>x に各活性化関数を適用した結果（print() の表示）</translation>
    </message>
    <message>
        <source>With the book&apos;s settings: sigmoid gain a = 1, leaky ReLU slope α = 0.01.</source>
        <translation>本書と同じ設定です: シグモイド関数の傾き a = 1、Leaky ReLU の傾き α = 0.01</translation>
    </message>
    <message>
        <source>Why “if x &gt; 0:” fails for an array</source>
        <translation>配列に「if x &gt; 0:」が使えない理由</translation>
    </message>
</context>
<context>
    <name>OptimizerTab</name>
    <message>
        <source>Zig-zags: in this long, narrow valley the gradient points mostly across it (along y), not towards the minimum.</source>
        <extracomment>The book&apos;s four first (its figure), then the two the figure leaves out. Curve colours (Okabe–Ito indices) chosen so the book&apos;s four are the most distinct. Why each path looks the way it does, one line per optimizer (§6.1.2–6.1.6).</extracomment>
        <translation>ジグザグに進みます。この細長い谷では、勾配は最小値の方向ではなく、主に谷を横切る向き（y 方向）を指しているからです。</translation>
    </message>
    <message>
        <source>Rolls like a ball: the velocity v remembers the past steps, so the pushes along x add up and the swings in y cancel out.</source>
        <translation>ボールが転がるように進みます。速度 v がこれまでの動きを覚えているので、x 方向の力は積み重なり、y 方向の揺れは打ち消し合います。</translation>
    </message>
    <message>
        <source>Momentum that looks ahead: it uses the gradient where the velocity is about to carry it, so it overshoots less.</source>
        <translation>先を見越す Momentum です。速度によってこれから運ばれる先の地点での勾配を使うので、行き過ぎが少なくなります。</translation>
    </message>
    <message>
        <source>Shrinks the steps where the gradients were large: h adds up every gradient squared, so the steep y direction slows down first.</source>
        <translation>これまでの勾配が大きかった方向ほど、更新の歩幅を小さくします。h が勾配の 2 乗をすべて足し合わせるので、傾きの急な y 方向から先に減速します。</translation>
    </message>
    <message>
        <source>Like AdaGrad, but h slowly forgets old gradients, so the steps do not shrink for ever.</source>
        <translation>AdaGrad と似ていますが、h が古い勾配を少しずつ忘れるので、更新の歩幅がいつまでも小さくなり続けることはありません。</translation>
    </message>
    <message>
        <source>Combines both: m rolls like Momentum, v scales each direction like AdaGrad, and t corrects the bias of the first steps.</source>
        <translation>両者の組み合わせです。m は Momentum のように転がり、v は AdaGrad のように方向ごとに歩幅を調整し、t で最初のほうのステップの偏り（バイアス）を補正します。</translation>
    </message>
    <message>
        <source>f(x, y) = x²/20 + y² (the book&apos;s)</source>
        <extracomment>The update rules for each coordinate x with gradient g (§6.1.2–6.1.6); the constants are filled in from the optimizers&apos; own defaults in :func:`update_rule`. The functions to race on: (key of core.optimizer_race.FUNCTIONS, shown text).</extracomment>
        <translation>f(x, y) = x²/20 + y²（本書の関数）</translation>
    </message>
    <message>
        <source>f(x, y) = x² + y² (a round bowl)</source>
        <translation>f(x, y) = x² + y²（丸いお椀）</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <extracomment>The part of the plane shown, as in the book&apos;s figure; it never follows the data, so a runaway path cannot drag the view to inf.</extracomment>
        <translation>最適化手法の比較</translation>
    </message>
    <message>
        <source>Optimizers (§6.1)</source>
        <translation>最適化手法（§6.1）</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>Learning rate lr</source>
        <translation>学習率 lr</translation>
    </message>
    <message>
        <source>Not in the book&apos;s figure (§6.1.7):</source>
        <translation>本書の図にはないもの（§6.1.7）:</translation>
    </message>
    <message>
        <source>{0}: {1}, where g is the gradient of f at the current point.</source>
        <translation>{0}: {1}。g は現在の点での f の勾配です。</translation>
    </message>
    <message>
        <source>{0}&apos;s learning rate; {1} races well (not in the book).</source>
        <translation>{0} の学習率です。{1} にするとうまく進みます（この値は本書にはありません）。</translation>
    </message>
    <message>
        <source>{0}&apos;s learning rate; the book uses {1}.</source>
        <translation>{0} の学習率です。本書では {1} を使っています。</translation>
    </message>
    <message>
        <source>Book&apos;s learning rates</source>
        <translation>本書の学習率</translation>
    </message>
    <message>
        <source>Set every learning rate back to the book&apos;s: {0}</source>
        <translation>すべての学習率を本書の値に戻します: {0}</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>On the round bowl the gradient points straight at the minimum, so nobody zig-zags sideways: the trouble of §6.1.3 comes from the valley&apos;s shape.</source>
        <translation>丸いお椀では勾配がまっすぐ最小値を指すので、どの手法も横にジグザグ動きません。§6.1.3 で見た問題は、谷の形状が原因なのです。</translation>
    </message>
    <message>
        <source>Gradient g</source>
        <translation>勾配 g</translation>
    </message>
    <message>
        <source>Internal state</source>
        <translation>内部状態</translation>
    </message>
    <message>
        <source>Momentum, Nesterov: the velocity v. AdaGrad, RMSprop: h, the history of the squared gradients. Adam: the moments m and v and the step count t. SGD keeps none.</source>
        <translation>Momentum、Nesterov: 速度 v。AdaGrad、RMSprop: 勾配の 2 乗の履歴 h。Adam: モーメント m と v、およびステップ数 t。SGD は何も保持しません。</translation>
    </message>
    <message>
        <source>g = ∇f(x, y), the gradient at the current point</source>
        <translation>g = ∇f(x, y)、現在の点での勾配</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>{0}, lr = {1}</source>
        <translation>{0}、lr = {1}</translation>
    </message>
    <message>
        <source>minimum (0, 0)</source>
        <translation>最小値 (0, 0)</translation>
    </message>
    <message>
        <source>start (−7, 2)</source>
        <translation>開始点 (−7, 2)</translation>
    </message>
    <message>
        <source>{0}: {1} steps from (−7, 2)</source>
        <translation>{0}: (−7, 2) から {1} ステップ</translation>
    </message>
    <message>
        <source>step {0} / {1}</source>
        <translation>ステップ {0} / {1}</translation>
    </message>
    <message>
        <source>Stopped at step {0}: the path diverged at step {1}.</source>
        <translation>軌跡がステップ {1} で発散したため、ステップ {0} で止まっています。</translation>
    </message>
    <message>
        <source>none: the step is −lr·g</source>
        <translation>なし: 更新量は −lr·g</translation>
    </message>
    <message>
        <source>{0} does not settle: the loss grew from {1} to {2} in {3} steps. The learning rate {4} is too large: each step overshoots the minimum by more than the last.</source>
        <translation>{0} は収束しません。{3} ステップで損失が {1} から {2} に増えました。学習率 {4} が大きすぎます。ステップのたびに、前回よりも大きく最小値を行き過ぎています。</translation>
    </message>
    <message>
        <source>{0} diverged at step {1}: the update overflowed to ({2}, {3}). The learning rate {4} is too large; the path stops at step {5}.</source>
        <translation>{0} はステップ {1} で発散しました。更新がオーバーフローして ({2}, {3}) になりました。学習率 {4} が大きすぎます。軌跡はステップ {5} で止まります。</translation>
    </message>
    <message>
        <source>{0} diverged at step {1}: {2} reached {3}, beyond ±{4}. The learning rate {5} is too large: every step overshoots the valley further than the last. The path stops at step {6}.</source>
        <translation>{0} はステップ {1} で発散しました。{2} が {3} に達し、±{4} の範囲を超えました。学習率 {5} が大きすぎます。ステップのたびに、前回よりも遠くへ谷を飛び越えています。軌跡はステップ {6} で止まります。</translation>
    </message>
</context>
<context>
    <name>OverfitLabPage</name>
    <message>
        <source>The book&apos;s (§6.4.3)</source>
        <extracomment>Runs kept in the plot; one more drops the oldest.</extracomment>
        <translation>本書の方式（§6.4.3）</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Inverted Dropout</translation>
    </message>
    <message>
        <source>Unscaled (a mistake)</source>
        <translation>スケーリングなし（間違い）</translation>
    </message>
    <message>
        <source>Press Start to train the settings on the left.</source>
        <translation>「開始」を押すと、左の設定で学習させます。</translation>
    </message>
    <message>
        <source>Run {0} of {1}: epoch {2} of {3} ({4} training samples).</source>
        <translation>試行 {0} / {1}: エポック {2} / {3}（訓練データ {4} 個）。</translation>
    </message>
    <message>
        <source>dropout {0}</source>
        <translation>Dropout {0}</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>Dropout なし</translation>
    </message>
    <message>
        <source>λ = {0}, {1}</source>
        <translation>λ = {0}、{1}</translation>
    </message>
    <message>
        <source>{0} (epoch {1})</source>
        <translation>{0}（エポック {1}）</translation>
    </message>
    <message>
        <source>x · mask / {0}</source>
        <translation>x · mask / {0}</translation>
    </message>
    <message>
        <source>x · mask</source>
        <translation>x · mask</translation>
    </message>
    <message>
        <source>x · {0}</source>
        <translation>x · {0}</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Every unit holds x = 1 and p = {0}: while training each unit is kept with probability {1}, so the mean output over {2} units is what the network learns to expect. At test time every unit is kept, so the output must be scaled to match: the book multiplies by {1} at test time, inverted dropout divides by {1} while training instead. Forgetting both makes test outputs {3} times too large.</source>
        <translation>どのニューロンも x = 1 を保持し、消去の割合は p = {0} とします。訓練時には各ニューロンが確率 {1} で残るので、ネットワークは {2} 個のニューロンの出力の平均を前提に学習します。テスト時にはすべてのニューロンが残るので、出力をスケーリングして合わせる必要があります。本書の方式ではテスト時に {1} を掛け、Inverted Dropout では代わりに訓練時に {1} で割ります。どちらも忘れると、テスト時の出力が {3} 倍も大きくなってしまいます。</translation>
    </message>
    <message>
        <source>The book&apos;s setup (§6.4.1)</source>
        <translation>本書の設定（§6.4.1）</translation>
    </message>
    <message>
        <source>Training samples</source>
        <translation>訓練データの数</translation>
    </message>
    <message>
        <source>Hidden layers of 100</source>
        <translation>隠れ層の数（各 100 ニューロン）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Weight decay λ</source>
        <translation>Weight decay λ</translation>
    </message>
    <message>
        <source>The first samples of the training set (300 in the book)</source>
        <translation>訓練データの先頭から使うデータの数（本書では 300 個）</translation>
    </message>
    <message>
        <source>λ of the penalty ½λΣW² added to the loss (0.1 in the book)</source>
        <translation>損失関数に加えるペナルティ ½λΣW² の λ（本書では 0.1）</translation>
    </message>
    <message>
        <source>Dropout, ratio</source>
        <translation>Dropout、消去の割合</translation>
    </message>
    <message>
        <source>Drop this share of the hidden units at random while training (0.2 in the book). The ratio also sets the comparison below.</source>
        <translation>学習時に、隠れ層のニューロンのうちこの割合をランダムに消去します（本書では 0.2）。この割合は下の比較にも使われます。</translation>
    </message>
    <message>
        <source>The book&apos;s three</source>
        <translation>本書の 3 つの実験</translation>
    </message>
    <message>
        <source>Train λ = 0, then λ = 0.1, then dropout 0.2, one after another.</source>
        <translation>λ = 0、λ = 0.1、Dropout 0.2 の順に続けて学習させます。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Remove every run from the plot.</source>
        <translation>グラフからすべての試行を消します。</translation>
    </message>
    <message>
        <source>With only 300 samples the 7-layer network learns them by heart: its training accuracy reaches 100 % while the test accuracy stays far below (Fig. 6-20). Weight decay (Fig. 6-21) and dropout (Fig. 6-23) keep the two curves closer.</source>
        <translation>データが 300 個しかないと、7 層のネットワークはそれを丸暗記してしまいます。訓練データの認識精度は 100% に達しますが、テストデータの認識精度はずっと低いままです（図 6-20）。Weight decay（図 6-21）や Dropout（図 6-23）を使うと、2 本の曲線の差が小さくなります。</translation>
    </message>
    <message>
        <source>Accuracy per epoch: training (solid) and test (dashed)</source>
        <translation>エポックごとの認識精度: 訓練データ（実線）とテストデータ（破線）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>認識精度</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>run</source>
        <translation>試行</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>train</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>差</translation>
    </message>
    <message>
        <source>best test</source>
        <translation>テストの最高値</translation>
    </message>
    <message>
        <source>Dropout: the book&apos;s against inverted</source>
        <translation>Dropout: 本書の方式と Inverted Dropout の比較</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout の方式</translation>
    </message>
    <message>
        <source>training</source>
        <translation>訓練時</translation>
    </message>
    <message>
        <source>mean (training)</source>
        <translation>平均（訓練時）</translation>
    </message>
    <message>
        <source>test output</source>
        <translation>テスト時の出力</translation>
    </message>
    <message>
        <source>test ÷ training</source>
        <translation>テスト時 ÷ 訓練時</translation>
    </message>
</context>
<context>
    <name>PerceptronTab</name>
    <message>
        <source>No target</source>
        <extracomment>The range of w1, w2, b and θ in the controls, and the slider&apos;s step (0.01). The part of the (x1, x2) plane the plot shows: the unit square with a margin. Target choices: (stable id saved in the settings, shown text).</extracomment>
        <translation>目標なし</translation>
    </message>
    <message>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <source>NAND</source>
        <translation>NAND</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>above the line</source>
        <extracomment>Where the perceptron fires, as :func:`core.perceptron.decision_line` names it.</extracomment>
        <translation>直線の上側</translation>
    </message>
    <message>
        <source>below the line</source>
        <translation>直線の下側</translation>
    </message>
    <message>
        <source>right of the line</source>
        <translation>直線の右側</translation>
    </message>
    <message>
        <source>left of the line</source>
        <translation>直線の左側</translation>
    </message>
    <message>
        <source>Perceptron and logic gates</source>
        <translation>パーセプトロンと論理回路</translation>
    </message>
    <message>
        <source>Weights and bias (§2.3.2)</source>
        <translation>重みとバイアス（§2.3.2）</translation>
    </message>
    <message>
        <source>Weight w1</source>
        <translation>重み w1</translation>
    </message>
    <message>
        <source>Weight w2</source>
        <translation>重み w2</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>バイアス b</translation>
    </message>
    <message>
        <source>Threshold θ</source>
        <translation>閾値 θ</translation>
    </message>
    <message>
        <source>= −b, moves with b (§2.3.1)</source>
        <translation>= −b、b と連動（§2.3.1）</translation>
    </message>
    <message>
        <source>Drag the slider or type a value from {1} to {2} for {0}.</source>
        <translation>{0} はスライダーを動かすか、{1} から {2} までの値を入力してください。</translation>
    </message>
    <message>
        <source>The threshold of §2.3.1; changing it changes the bias: b = −θ.</source>
        <translation>§2.3.1 の閾値です。変えるとバイアスも変わります: b = −θ</translation>
    </message>
    <message>
        <source>The rule, written two ways</source>
        <translation>同じ規則の 2 つの書き方</translation>
    </message>
    <message>
        <source>The book&apos;s gates and a challenge</source>
        <translation>本書の論理回路と挑戦</translation>
    </message>
    <message>
        <source>Load the book&apos;s {0} weights: w1 = {1}, w2 = {2}, b = {3}</source>
        <translation>本書の {0} の重みを読み込みます: w1 = {1}、w2 = {2}、b = {3}</translation>
    </message>
    <message>
        <source>XOR challenge</source>
        <translation>XOR に挑戦</translation>
    </message>
    <message>
        <source>Target XOR, starting from OR&apos;s weights: can one line get all 4 rows right?</source>
        <translation>目標を XOR にして OR の重みから始めます。1 本の直線で 4 行すべてを正しくできるでしょうか？</translation>
    </message>
    <message>
        <source>Show the two-layer solution</source>
        <translation>2 層による解を表示</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目標:</translation>
    </message>
    <message>
        <source>Truth table</source>
        <translation>真理値表</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>The output the chosen gate should give</source>
        <translation>選んだ論理回路が出すべき出力</translation>
    </message>
    <message>
        <source>{0}: y equals the target, {1}: it does not</source>
        <translation>{0}: y が目標と一致、{1}: 一致しない</translation>
    </message>
    <message>
        <source>Two layers solve it: XOR = AND(NAND, OR)</source>
        <translation>2 層なら解ける: XOR = AND(NAND, OR)</translation>
    </message>
    <message>
        <source>First layer: s1 = NAND(x1, x2), s2 = OR(x1, x2). Second layer: y = AND(s1, s2) (§2.5.2).</source>
        <translation>第 1 層: s1 = NAND(x1, x2)、s2 = OR(x1, x2)。第 2 層: y = AND(s1, s2)（§2.5.2）。</translation>
    </message>
    <message>
        <source>s1 (NAND)</source>
        <translation>s1 (NAND)</translation>
    </message>
    <message>
        <source>s2 (OR)</source>
        <translation>s2 (OR)</translation>
    </message>
    <message>
        <source>y (AND)</source>
        <translation>y (AND)</translation>
    </message>
    <message>
        <source>s1 = NAND(x1, x2), first layer</source>
        <translation>s1 = NAND(x1, x2)、第 1 層</translation>
    </message>
    <message>
        <source>s2 = OR(x1, x2), first layer</source>
        <translation>s2 = OR(x1, x2)、第 1 層</translation>
    </message>
    <message>
        <source>y = AND(s1, s2), second layer</source>
        <translation>y = AND(s1, s2)、第 2 層</translation>
    </message>
    <message>
        <source>Decision line</source>
        <translation>境界線</translation>
    </message>
    <message>
        <source>y = 1 if {0} &gt; {1}, else 0</source>
        <translation>{0} &gt; {1} なら y = 1、そうでなければ 0</translation>
    </message>
    <message>
        <source>Bias form (§2.3.2)</source>
        <translation>バイアスの形（§2.3.2）</translation>
    </message>
    <message>
        <source>Threshold form (§2.3.1)</source>
        <translation>閾値の形（§2.3.1）</translation>
    </message>
    <message>
        <source>now: {0}</source>
        <translation>現在: {0}</translation>
    </message>
    <message>
        <source>Choose a target to check each row.</source>
        <translation>目標を選ぶと各行を確かめられます。</translation>
    </message>
    <message>
        <source>Matches {0} of {1} rows</source>
        <translation>{1} 行中 {0} 行が一致</translation>
    </message>
    <message>
        <source>{0}: these weights compute {1}.</source>
        <translation>{0}: この重みは {1} を計算しています。</translation>
    </message>
    <message>
        <source>No single straight line can put XOR&apos;s 1s, (1, 0) and (0, 1), on one side and its 0s, (0, 0) and (1, 1), on the other: the best any line can do is {0} of {1} rows. Two layers solve it: XOR = AND(NAND, OR) (§2.4–2.5).</source>
        <translation>XOR の 1 である (1, 0) と (0, 1) を片側に、0 である (0, 0) と (1, 1) を反対側に分ける直線は 1 本もありません。どんな直線でも {1} 行中 {0} 行が限界です。2 層にすれば解けます: XOR = AND(NAND, OR)（§2.4〜2.5）。</translation>
    </message>
    <message>
        <source>y equals the target</source>
        <translation>y は目標と一致</translation>
    </message>
    <message>
        <source>y is wrong</source>
        <translation>y が目標と違う</translation>
    </message>
    <message>
        <source>Filled dots: y = 1; hollow dots: y = 0.</source>
        <translation>塗りつぶした点: y = 1、白抜きの点: y = 0</translation>
    </message>
    <message>
        <source>w1 = w2 = 0: there is no line. w1·x1 + w2·x2 + b = b = {0} &gt; 0 everywhere, so y = 1 for every input (all shaded).</source>
        <translation>w1 = w2 = 0 なので直線はありません。どこでも w1·x1 + w2·x2 + b = b = {0} &gt; 0 なので、すべての入力で y = 1 です（全体に色が付きます）。</translation>
    </message>
    <message>
        <source>w1 = w2 = 0: there is no line. w1·x1 + w2·x2 + b = b = {0} ≤ 0 everywhere, so y = 0 for every input (nothing shaded).</source>
        <translation>w1 = w2 = 0 なので直線はありません。どこでも w1·x1 + w2·x2 + b = b = {0} ≤ 0 なので、すべての入力で y = 0 です（色は付きません）。</translation>
    </message>
    <message>
        <source>Decision line {0} = 0, that is {1}. The shaded side, {2}, is where y = 1: the vector (w1, w2) points into it.</source>
        <translation>境界線 {0} = 0、つまり {1} です。色の付いた{2}が y = 1 となる領域で、ベクトル (w1, w2) はこちらを向いています。</translation>
    </message>
    <message>
        <source>The line lies outside the square shown.</source>
        <translation>直線は表示範囲の外にあります。</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>最初に戻ります</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>1 ステップ戻る</translation>
    </message>
    <message>
        <source>Undo the last step</source>
        <translation>直前のステップを取り消します</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1 ステップ進む</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>1 ステップだけ進めます</translation>
    </message>
    <message>
        <source>End</source>
        <translation>最後へ</translation>
    </message>
    <message>
        <source>Show every step at once</source>
        <translation>すべてのステップを一度に表示します</translation>
    </message>
    <message>
        <source>Steps per second while playing</source>
        <translation>再生中の 1 秒あたりのステップ数</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Stop at the current step</source>
        <translation>現在のステップで止めます</translation>
    </message>
    <message>
        <source>Step on by itself</source>
        <translation>自動で 1 ステップずつ進めます</translation>
    </message>
    <message>
        <source>Speed: {0} steps/s</source>
        <translation>速さ: {0} ステップ/秒</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>Confusion matrix: row = true class, column = predicted class; the diagonal holds the right answers.</source>
        <extracomment>Samples shown in the gallery.</extracomment>
        <translation>混同行列: 行 = 正解クラス、列 = 予測したクラス。対角成分が正解した数です。</translation>
    </message>
    <message>
        <source>Test samples, misclassified first (most confident mistakes first): true → predicted (probability).</source>
        <translation>テストデータ。誤認識したものを先に（確信の強い間違いから順に）並べています: 正解 → 予測（確率）。</translation>
    </message>
    <message>
        <source>The predictions on the test data appear here once a run has started.</source>
        <translation>学習を開始すると、ここにテストデータに対する予測が表示されます。</translation>
    </message>
    <message>
        <source>{0} test samples: {1} right, {2} wrong — accuracy {3}.</source>
        <translation>テストデータ {0} 個: 正解 {1} 個、不正解 {2} 個 — 認識精度 {3}。</translation>
    </message>
    <message>
        <source>{0} samples of class {1} predicted as {2}</source>
        <translation>クラス {1} のデータのうち {0} 個を {2} と予測</translation>
    </message>
    <message>
        <source>Test sample {0}: true class {1}, predicted {2}.
Softmax: {3}</source>
        <translation>テストデータ {0}: 正解クラス {1}、予測 {2}。
ソフトマックス関数の出力: {3}</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop here; what has been computed stays.</source>
        <translation>ここで停止します。計算済みの結果は残ります。</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} updates.</source>
        <translation>{1} 回中 {0} 回の更新で停止しました。</translation>
    </message>
    <message>
        <source>The lab stopped with an error: {0}: {1}</source>
        <translation>エラーのため実験が止まりました: {0}: {1}</translation>
    </message>
    <message>
        <source>{0} has only {1} training samples; choose at most that many.</source>
        <translation>{0} の訓練データは {1} 個しかありません。それ以下の数を選んでください。</translation>
    </message>
</context>
<context>
    <name>ShapeChainPage</name>
    <message>
        <source>Showing the last valid shapes until every weight&apos;s shape is valid.</source>
        <extracomment>The batch size the page starts with (the book&apos;s batch_size = 100) and the largest it takes.</extracomment>
        <translation>すべての重みの形状が正しくなるまで、最後に正しく入力された形状を表示しています。</translation>
    </message>
    <message>
        <source>{0}·{1} fails:</source>
        <translation>{0}·{1} は計算できません:</translation>
    </message>
    <message>
        <source>One image: X {0} → Y {1}. A batch of {2} images: X {3} → Y {4}. Only the first dimension changes; W1, W2 and W3 stay as they are.</source>
        <translation>画像 1 枚: X {0} → Y {1}。{2} 枚のバッチ: X {3} → Y {4}。変わるのは最初の次元だけで、W1、W2、W3 はそのままです。</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>The input X</source>
        <translation>入力 X</translation>
    </message>
    <message>
        <source>Batch of</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Untick for one image, X of shape (784,); tick for N images, X of shape (N, 784).</source>
        <translation>チェックを外すと画像 1 枚（X の形状は (784,)）、入れると画像 N 枚（X の形状は (N, 784)）になります。</translation>
    </message>
    <message>
        <source> images</source>
        <translation> 枚</translation>
    </message>
    <message>
        <source>Weight shapes (rows, columns)</source>
        <translation>重みの形状（行数、列数）</translation>
    </message>
    <message>
        <source>Use the book&apos;s shapes</source>
        <translation>本書の形状を使う</translation>
    </message>
    <message>
        <source>The book&apos;s MNIST network (§3.6.3): 784 pixels → 50 → 100 → 10 scores. Like dominoes, two touching halves must show the same number.</source>
        <translation>本書の MNIST 用ネットワーク（§3.6.3）: 784 ピクセル → 50 → 100 → 10 個のスコア。ドミノのように、接し合う 2 つの面には同じ数が書かれていなければなりません。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>np.dot</source>
        <translation>np.dot</translation>
    </message>
    <message>
        <source>Must match</source>
        <translation>一致が必要</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>その後</translation>
    </message>
</context>
<context>
    <name>ShapeField</name>
    <message>
        <source>{0} must be a matrix here: two numbers, rows and columns, like 784, 50.</source>
        <translation>ここでは {0} は行列でなければなりません。784, 50 のように、行数と列数の 2 つの数を入力してください。</translation>
    </message>
    <message>
        <source>for example 2, 3</source>
        <translation>例: 2, 3</translation>
    </message>
    <message>
        <source>A shape: 2, 3 or 2x3 or (2, 3) is 2 rows and 3 columns; 3 alone is a 1-D array of 3 numbers; up to {0} dimensions.</source>
        <translation>形状: 2, 3、2x3、(2, 3) はどれも 2 行 3 列を表します。3 だけなら要素数 3 の 1 次元配列です。{0} 次元まで指定できます。</translation>
    </message>
    <message>
        <source>Dimension {0} of {1}</source>
        <translation>{1} の {0} 番目の次元</translation>
    </message>
</context>
<context>
    <name>ShapesTab</name>
    <message>
        <source>(2, 3)·(3, 2): works</source>
        <extracomment>For a bug: the shapes of the right formula, checked and shown as {0} in the note.</extracomment>
        <translation>(2, 3)·(3, 2): 計算できる</translation>
    </message>
    <message>
        <source>§3.3.2: the book&apos;s first matrix product, a 2×3 matrix times a 3×2 one.</source>
        <translation>§3.3.2: 本書で最初に出てくる行列の積です。2×3 の行列に 3×2 の行列を掛けます。</translation>
    </message>
    <message>
        <source>(2, 3)·(2, 2): fails</source>
        <translation>(2, 3)·(2, 2): 計算できない</translation>
    </message>
    <message>
        <source>§3.3.2: the book&apos;s example of shapes that do not fit; NumPy refuses.</source>
        <translation>§3.3.2: 形状が合わない例として本書に出てくるものです。NumPy は計算を拒否します。</translation>
    </message>
    <message>
        <source>X (2,)·W (2, 3)</source>
        <translation>X (2,)·W (2, 3)</translation>
    </message>
    <message>
        <source>§3.3.3: a layer of a neural network as np.dot(X, W): 2 inputs, 3 neurons.</source>
        <translation>§3.3.3: ニューラルネットワークの 1 つの層を np.dot(X, W) で計算します。入力は 2 つ、ニューロンは 3 つです。</translation>
    </message>
    <message>
        <source>X (100, 784)·W1 (784, 50)</source>
        <translation>X (100, 784)·W1 (784, 50)</translation>
    </message>
    <message>
        <source>§3.6.3: a batch of 100 MNIST images (784 pixels each) times the first layer&apos;s weights: one row of 50 numbers per image.</source>
        <translation>§3.6.3: 100 枚の MNIST 画像（各 784 ピクセル）のバッチに 1 層目の重みを掛けます。画像 1 枚につき、50 個の数が 1 行に並びます。</translation>
    </message>
    <message>
        <source>Bug: dW = W.T·dout</source>
        <translation>間違い: dW = W.T·dout</translation>
    </message>
    <message>
        <source>§5.6.2, a common slip in the Affine layer: with X (4, 2), W (2, 3) and dout (4, 3), W.T·dout is (3, 2)·(4, 3) and fails. The right formula dW = X.T·dout: {0}, the shape of W.</source>
        <translation>§5.6.2: Affine レイヤでよくある間違いです。X (4, 2)、W (2, 3)、dout (4, 3) のとき、W.T·dout は (3, 2)·(4, 3) となって計算できません。正しい式 dW = X.T·dout なら {0} となり、W の形状になります。</translation>
    </message>
    <message>
        <source>Bug: dx = dout·W</source>
        <translation>間違い: dx = dout·W</translation>
    </message>
    <message>
        <source>§5.6.2: the transpose forgotten. dout (4, 3)·W (2, 3) fails; the right formula dx = dout·W.T: {0}, the shape of X.</source>
        <translation>§5.6.2: 転置のし忘れです。dout (4, 3)·W (2, 3) は計算できません。正しい式 dx = dout·W.T なら {0} となり、X の形状になります。</translation>
    </message>
    <message>
        <source>Matrix shapes</source>
        <translation>行列の形状</translation>
    </message>
    <message>
        <source>np.dot shapes</source>
        <translation>np.dot と形状</translation>
    </message>
    <message>
        <source>3-layer network</source>
        <translation>3 層ネットワーク</translation>
    </message>
    <message>
        <source>MNIST shape chain</source>
        <translation>MNIST の形状の連鎖</translation>
    </message>
    <message>
        <source>dimension {0}</source>
        <extracomment>The Okabe–Ito colours for &quot;the dimensions match&quot; (blue) and &quot;they do not&quot; (vermillion).</extracomment>
        <translation>{0} 番目の次元</translation>
    </message>
    <message>
        <source>the shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Type a shape, for example 2, 3 (or 2x3, or (2, 3)); 3 alone is a 1-D array.</source>
        <translation>形状を入力してください。例: 2, 3（2x3 や (2, 3) でも可）。3 だけなら 1 次元配列です。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; in {1} is not a number. Use whole numbers such as 2, 3.</source>
        <translation>{1}の「{0}」は数ではありません。2, 3 のような整数を使ってください。</translation>
    </message>
    <message>
        <source>A number is missing in &apos;{0}&apos;. Write the dimensions like 2, 3.</source>
        <translation>「{0}」に数が抜けています。次元は 2, 3 のように書いてください。</translation>
    </message>
    <message>
        <source>The brackets in &apos;{0}&apos; do not match. Write (2, 3) or simply 2, 3.</source>
        <translation>「{0}」のかっこが対応していません。(2, 3) か、単に 2, 3 と書いてください。</translation>
    </message>
    <message>
        <source>{0} in {1}: a dimension must be a whole number ≥ 1 (it counts rows or columns).</source>
        <translation>{1}の {0}: 各次元の要素数は 1 以上の整数でなければなりません（行数や列数を数えるものだからです）。</translation>
    </message>
    <message>
        <source>{0} in {1}: a dimension must be a whole number ≥ 1. An array with 0 rows or columns holds no numbers, and a negative length does not exist.</source>
        <translation>{1}の {0}: 各次元の要素数は 1 以上の整数でなければなりません。行数や列数が 0 の配列には数が 1 つも入らず、負の長さというものも存在しません。</translation>
    </message>
    <message>
        <source>{0} in {1} is too large: at most {2} per dimension here.</source>
        <translation>{1}の {0} は大きすぎます。ここでは各次元 {2} までです。</translation>
    </message>
    <message>
        <source>This page shows shapes with at most {0} dimensions, got {1}.</source>
        <translation>この画面で扱える形状は {0} 次元までですが、{1} 次元の形状が入力されました。</translation>
    </message>
    <message>
        <source>The number of columns of {0} must equal the number of rows of {1}.</source>
        <translation>{0} の列数と {1} の行数は同じ値でなければなりません。</translation>
    </message>
    <message>
        <source>{0} is 1-D and acts as a row: its length must equal the number of rows of {1}.</source>
        <translation>{0} は 1 次元配列で、行として扱われます。その要素数は {1} の行数と同じでなければなりません。</translation>
    </message>
    <message>
        <source>{1} is 1-D and acts as a column: the number of columns of {0} must equal its length.</source>
        <translation>{1} は 1 次元配列で、列として扱われます。{0} の列数は {1} の要素数と同じでなければなりません。</translation>
    </message>
    <message>
        <source>Both are 1-D: np.dot multiplies them element by element, so the lengths must be equal.</source>
        <translation>どちらも 1 次元配列です。np.dot は要素どうしを 1 つずつ掛け合わせるので、要素数が同じでなければなりません。</translation>
    </message>
    <message>
        <source>With 3 dimensions np.dot sums over the last axis of {0} and the second-to-last axis of {1}: those two lengths must be equal.</source>
        <translation>3 次元の場合、np.dot は {0} の最後の軸と {1} の最後から 2 番目の軸に沿って和をとります。この 2 つの軸の要素数は同じでなければなりません。</translation>
    </message>
    <message>
        <source>{0} = {1}, {2} = {3}:  {4}</source>
        <translation>{0} = {1}、{2} = {3}:  {4}</translation>
    </message>
    <message>
        <source>length of {0}</source>
        <translation>{0} の要素数</translation>
    </message>
    <message>
        <source>columns of {0}</source>
        <translation>{0} の列数</translation>
    </message>
    <message>
        <source>rows of {0}</source>
        <translation>{0} の行数</translation>
    </message>
    <message>
        <source>axis {0} of {1}</source>
        <translation>{1} の軸 {0}</translation>
    </message>
    <message>
        <source>{0} ≠ {1}, so there is nothing to pair up: NumPy stops with a ValueError. Change one of the two highlighted numbers so they agree.</source>
        <translation>{0} ≠ {1} なので、要素を組にして掛け合わせることができません。NumPy は ValueError で止まります。強調表示された 2 つの数のどちらかを変えて、一致させてください。</translation>
    </message>
    <message>
        <source>The result takes its rows from {0} ({1}) and its columns from {2} ({3}): {4}.</source>
        <translation>結果の行数は {0} の行数 {1}、列数は {2} の列数 {3} になり、形状は {4} です。</translation>
    </message>
    <message>
        <source>The result is 1-D with one number per column of {0}: {1}.</source>
        <translation>結果は {0} の列ごとに数が 1 つずつ並ぶ 1 次元配列で、形状は {1} です。</translation>
    </message>
    <message>
        <source>The result is 1-D with one number per row of {0}: {1}.</source>
        <translation>結果は {0} の行ごとに数が 1 つずつ並ぶ 1 次元配列で、形状は {1} です。</translation>
    </message>
    <message>
        <source>The result is a single number (a 0-D array of shape {0}).</source>
        <translation>結果は 1 つの数です（形状 {0} の 0 次元配列）。</translation>
    </message>
    <message>
        <source>The result&apos;s shape is {0}&apos;s shape without its last axis followed by {1}&apos;s shape without the summed axis: {2}.</source>
        <translation>結果の形状は、{0} の形状から最後の軸を除いたものに、{1} の形状から和をとった軸を除いたものを続けたもので、{2} です。</translation>
    </message>
    <message>
        <source>np.dot does {0} multiplications (and as many additions) for this.</source>
        <translation>この計算で np.dot は {0} 回の掛け算（と同じ回数の足し算）を行います。</translation>
    </message>
</context>
<context>
    <name>SoftmaxLab</name>
    <message>
        <source>y = softmax({0})</source>
        <translation>y = softmax({0})</translation>
    </message>
    <message>
        <source>Σ y = {0}</source>
        <translation>Σ y = {0}</translation>
    </message>
    <message>
        <source>The order of y is the order of a: the largest score {0} gets the largest probability. exp only grows, so inference can skip softmax and pick the largest score directly (§3.5.3).</source>
        <translation>y の大小の順は a と同じです。最大のスコア {0} が最大の確率になります。exp は単調増加なので、推論ではソフトマックス関数を省いて最大のスコアをそのまま選べます（§3.5.3）。</translation>
    </message>
    <message>
        <source>Some probabilities are so small that they round to the same number, but the largest score {0} still gets the largest probability, so inference can skip softmax (§3.5.3).</source>
        <translation>小さすぎて同じ値に丸められた確率もありますが、最大のスコア {0} はやはり最大の確率になるので、推論ではソフトマックス関数を省けます（§3.5.3）。</translation>
    </message>
    <message>
        <source>exp({0}) overflows: float64 stops at about {1} (exp(x) is inf for x &gt; {2}), so the sum is inf and inf / inf = nan.</source>
        <translation>exp({0}) がオーバーフローします。float64 は約 {1} が上限で（x &gt; {2} では exp(x) が inf）、和も inf になり、inf / inf = nan です。</translation>
    </message>
    <message>
        <source>No overflow with these scores, so both routes give the same y. Try the overflow preset [1010, 1000, 990].</source>
        <translation>このスコアではオーバーフローしないので、どちらの計算でも同じ y になります。プリセット「オーバーフロー」[1010, 1000, 990] を試してみましょう。</translation>
    </message>
    <message>
        <source>C = max({0}) = {1}: the largest exp({0} − C) is exp(0) = 1, so nothing can overflow.</source>
        <translation>C = max({0}) = {1}: exp({0} − C) の最大値は exp(0) = 1 なので、オーバーフローは起こりません。</translation>
    </message>
    <message>
        <source>× {0}</source>
        <translation>× {0}</translation>
    </message>
    <message>
        <source>Naive: exp({0}) / Σ exp({0})</source>
        <translation>素朴な式: exp({0}) / Σ exp({0})</translation>
    </message>
    <message>
        <source>Stable: subtract C first, exp({0} − C) (§3.5.2)</source>
        <translation>オーバーフロー対策: 先に C を引く exp({0} − C)（§3.5.2）</translation>
    </message>
    <message>
        <source>Each exp({0}) is finite, but their sum passes {1}, the largest float64: it is inf, and every y becomes 0.</source>
        <translation>exp({0}) は 1 つずつなら有限ですが、その和が float64 の最大値 {1} を超えて inf になり、y はすべて 0 になります。</translation>
    </message>
    <message>
        <source>Every exp({0}) underflows to 0 (exp(x) is 0 for x &lt; {1}), so 0 / 0 = nan. Subtracting C = max fixes this too.</source>
        <translation>exp({0}) がすべてアンダーフローして 0 になり（x &lt; {1} では exp(x) が 0）、0 / 0 = nan です。C = max を引けばこれも防げます。</translation>
    </message>
    <message>
        <source>C = {0} is far below max({1}): exp({1} − C) or its sum overflows to inf and y is lost (nan or 0). Keep C near max({1}).</source>
        <translation>C = {0} は max({1}) よりずっと小さいため、exp({1} − C) かその和が inf にオーバーフローし、y が失われます（nan か 0）。C は max({1}) の近くにしましょう。</translation>
    </message>
    <message>
        <source>C = {0} is far above max({1}): every exp({1} − C) underflows to 0, and 0 / 0 = nan. Keep C near max({1}).</source>
        <translation>C = {0} は max({1}) よりずっと大きいため、exp({1} − C) がすべて 0 にアンダーフローし、0 / 0 = nan になります。C は max({1}) の近くにしましょう。</translation>
    </message>
    <message>
        <source>C = {0}: exp({1} − C) changed, but y did not (largest change {2}).</source>
        <translation>C = {0}: exp({1} − C) は変わりましたが、y は変わりません（最大の変化 {2}）。</translation>
    </message>
    <message>
        <source>C follows the largest score, as in the book.</source>
        <translation>本書と同じく、C は最大のスコアに合わせます。</translation>
    </message>
    <message>
        <source>Move C: the bars of exp({0} − C) grow or shrink together, the probabilities y stay the same.</source>
        <translation>C を動かすと exp({0} − C) の棒はそろって伸び縮みしますが、確率 y は変わりません。</translation>
    </message>
    <message>
        <source>Scores a</source>
        <translation>スコア a</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>要素を追加</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>要素を削除</translation>
    </message>
    <message>
        <source>At most {0} entries</source>
        <translation>要素は {0} 個まで</translation>
    </message>
    <message>
        <source>At least {0} entries</source>
        <translation>要素は {0} 個以上</translation>
    </message>
    <message>
        <source>Presets (T = 1, C = max):</source>
        <translation>プリセット（T = 1、C = max）:</translation>
    </message>
    <message>
        <source>Book example</source>
        <translation>本書の例</translation>
    </message>
    <message>
        <source>The book&apos;s example [0.3, 2.9, 4.0] (§3.5.1)</source>
        <translation>本書の例 [0.3, 2.9, 4.0]（§3.5.1）</translation>
    </message>
    <message>
        <source>Overflow</source>
        <translation>オーバーフロー</translation>
    </message>
    <message>
        <source>[1010, 1000, 990]: the naive formula gives nan (§3.5.2)</source>
        <translation>[1010, 1000, 990]: 素朴な式では nan になります（§3.5.2）</translation>
    </message>
    <message>
        <source>Temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>y = softmax(a / T). A large T makes y flatter (towards equal), a small T makes it sharper (towards one 1); the order never changes. The book uses T = 1.</source>
        <translation>y = softmax(a / T)。T が大きいと y は平らに（均等に近く）、小さいと鋭く（1 つだけ 1 に近く）なります。大小の順は変わりません。本書は T = 1 です。</translation>
    </message>
    <message>
        <source>Subtract C</source>
        <translation>引く数 C</translation>
    </message>
    <message>
        <source>C = max(a), the book&apos;s choice</source>
        <translation>C = max(a)（本書の選び方）</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>確率</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>ZDL Studio</source>
        <translation>ZDL Studio</translation>
    </message>
    <message>
        <source>A study companion for 『ゼロから作るDeep Learning』 (Deep Learning from Scratch). Every idea of the book, from the perceptron to backpropagation, as something you can see, change and check by hand. Every number shown is computed by plain NumPy code written under the book&apos;s own names.</source>
        <translation>『ゼロから作るDeep Learning』を読みながら使う学習アプリです。パーセプトロンから誤差逆伝播法まで、本書のアイデアを目で見て、動かして、手計算で確かめられます。表示される数値はすべて、本書と同じ名前で書いた素の NumPy コードが計算しています。</translation>
    </message>
    <message>
        <source>Chapter {0}: {1}</source>
        <translation>{0}章 {1}</translation>
    </message>
    <message>
        <source>in preparation</source>
        <translation>準備中</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>Waiting for the data…</source>
        <translation>データを待っています…</translation>
    </message>
    <message>
        <source>The batch size must be at most {0}, the number of training samples.</source>
        <translation>バッチサイズは訓練データの数（{0}）以下にしてください。</translation>
    </message>
    <message>
        <source>After the layer every feature has mean β = {0} (largest deviation {1}) and variance γ² = {2} (from {3} to {4}: a hair below because of ε = {5} in √(σ² + ε)).</source>
        <translation>Batch Norm レイヤを通った後では、どの特徴量も平均 β = {0}（最大のずれ {1}）、分散 γ² = {2} になります（実際は {3} から {4}。√(σ² + ε) の ε = {5} のため、わずかに小さくなります）。</translation>
    </message>
    <message>
        <source>§6.3.1: a mini-batch of a hidden layer&apos;s inputs a = x·W + b (x from the training data, W and b random), each feature with its own mean and variance. Batch norm subtracts each feature&apos;s batch mean μ_B and divides by √(σ²_B + ε), then scales by γ and shifts by β.</source>
        <translation>§6.3.1: 隠れ層への入力 a = x·W + b のミニバッチです（x は訓練データ、W と b はランダム）。特徴量ごとに平均と分散が異なります。Batch Norm は、各特徴量からそのバッチの平均 μ_B を引いて √(σ²_B + ε) で割り、さらに γ でスケールし、β でシフトします。</translation>
    </message>
    <message>
        <source>The batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特徴量の数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>γ (scale)</source>
        <translation>γ（スケール）</translation>
    </message>
    <message>
        <source>β (shift)</source>
        <translation>β（シフト）</translation>
    </message>
    <message>
        <source>Mean per feature</source>
        <translation>特徴量ごとの平均</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特徴量</translation>
    </message>
    <message>
        <source>Variance per feature</source>
        <translation>特徴量ごとの分散</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>分散</translation>
    </message>
    <message>
        <source>before BN</source>
        <translation>BN 前</translation>
    </message>
    <message>
        <source>after BN</source>
        <translation>BN 後</translation>
    </message>
    <message>
        <source>mean before</source>
        <translation>BN 前の平均</translation>
    </message>
    <message>
        <source>variance before</source>
        <translation>BN 前の分散</translation>
    </message>
    <message>
        <source>mean after</source>
        <translation>BN 後の平均</translation>
    </message>
    <message>
        <source>variance after</source>
        <translation>BN 後の分散</translation>
    </message>
</context>
<context>
    <name>SymmetryView</name>
    <message>
        <source>Type the one number every weight starts at, e.g. 0 or 0.3.</source>
        <translation>すべての重みの初期値とする数を 1 つ入力してください。例: 0、0.3。</translation>
    </message>
    <message>
        <source>unit {0}</source>
        <translation>ニューロン {0}</translation>
    </message>
    <message>
        <source>all {0} hidden units identical</source>
        <translation>隠れ層の {0} 個のニューロンはすべて同一</translation>
    </message>
    <message>
        <source>the units differ</source>
        <translation>ニューロンに違いがある</translation>
    </message>
    <message>
        <source>After update {0}: max difference between units = {1} ({2}). With random weights: {3}. Loss {4} (equal) and {5} (random).</source>
        <translation>{0} 回の更新後: ニューロン間の差の最大値 = {1}（{2}）。ランダムな重みでは {3}。損失関数の値は {4}（均一）と {5}（ランダム）。</translation>
    </message>
    <message>
        <source>W1 after update {0}, every weight started at {1} (one row per hidden unit)</source>
        <translation>{0} 回の更新後の W1。すべての重みを {1} から開始（1 行が隠れ層のニューロン 1 個）</translation>
    </message>
    <message>
        <source>W1 after update {0}, random start (Xavier)</source>
        <translation>{0} 回の更新後の W1。ランダムな初期値（Xavier）から開始</translation>
    </message>
    <message>
        <source>§6.2.1: why not start every weight at 0? A {0}-{1}-{2} network trained by SGD on a random batch. When all weights start equal, every hidden unit computes the same output, receives the same gradient and is updated the same way, so the units stay identical forever: the layer acts like a single unit.</source>
        <translation>§6.2.1: すべての重みを 0 から始めてはいけないのはなぜでしょうか。{0}-{1}-{2} のネットワークを、ランダムなバッチを使って SGD で学習させます。重みがすべて同じ値から始まると、隠れ層のどのニューロンも同じ値を出力し、同じ勾配を受け取り、同じように更新されます。そのため、ニューロンはいつまでも同じままで、その層はまるで 1 個のニューロンのようにふるまいます。</translation>
    </message>
    <message>
        <source>Every weight starts at</source>
        <translation>すべての重みの初期値</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新回数</translation>
    </message>
    <message>
        <source>Show after update</source>
        <translation>表示する時点（更新回数）</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隠れ層のニューロン</translation>
    </message>
    <message>
        <source>from x{0}</source>
        <translation>x{0} から</translation>
    </message>
    <message>
        <source>Largest difference between hidden units&apos; weights</source>
        <translation>隠れ層のニューロン間の重みの差の最大値</translation>
    </message>
    <message>
        <source>max |W1[:, j] − W1[:, 1]|</source>
        <translation>max |W1[:, j] − W1[:, 1]|</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新回数</translation>
    </message>
    <message>
        <source>equal start</source>
        <translation>均一な初期値</translation>
    </message>
    <message>
        <source>random start (Xavier)</source>
        <translation>ランダムな初期値（Xavier）</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>X axis</source>
        <extracomment>Seconds between two redraws of the accuracy curves while a run trains. Milliseconds after a run&apos;s end before its curves are redrawn antialiased. Runs kept in the plots; starting one more drops the oldest. The smoothing slider runs over 0 … 0.99 in steps of 0.01. The set of runs changed (one added or removed).</extracomment>
        <translation>横軸</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <source>Weight w of the moving average of the loss: each point is w × the previous average + (1 − w) × the new loss. 0 shows the raw loss.</source>
        <translation>損失関数の値の移動平均の重み w です。各点は w × (直前の平均) + (1 − w) × (新しい損失関数の値) です。0 にすると、平滑化しない値をそのまま表示します。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>試行</translation>
    </message>
    <message>
        <source>Every run stays in the plots, labelled with the settings that differ. Untick a run to hide it; select runs and press Remove to delete them. At most {0} are kept.</source>
        <translation>すべての試行はグラフに残り、異なる設定がラベルとして付きます。チェックを外すと非表示になります。試行を選んで「削除」を押すと削除できます。残せるのは最大 {0} 件です。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Loss per update (§4.5.3, Fig. 4-11)</source>
        <translation>更新ごとの損失関数の値（§4.5.3、図 4-11）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失関数の値</translation>
    </message>
    <message>
        <source>Accuracy at each epoch&apos;s end (Fig. 4-12)</source>
        <translation>各エポック終了時の認識精度（図 4-12）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>認識精度</translation>
    </message>
    <message>
        <source>Run {0}: {1}</source>
        <translation>試行 {0}: {1}</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>試行 {0}</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>訓練データの認識精度</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>テストデータの認識精度</translation>
    </message>
    <message>
        <source>Point at a curve to read its exact values.</source>
        <translation>曲線にマウスポインタを合わせると、正確な値を読み取れます。</translation>
    </message>
    <message>
        <source>{0} — iteration {1}, epoch {2}: loss {3} (smoothed {4})</source>
        <translation>{0} — イテレーション {1}、エポック {2}: 損失関数の値 {3}（平滑化後 {4}）</translation>
    </message>
    <message>
        <source>; at iteration {0}: train {1}, test {2}</source>
        <translation>、イテレーション {0} での認識精度: 訓練データ {1}、テストデータ {2}</translation>
    </message>
</context>
<context>
    <name>TrainingSetupPanel</name>
    <message>
        <source>Data</source>
        <extracomment>Hidden layers a MultiLayerNet may have in the dashboard. The book&apos;s MNIST network, whose numerical-gradient cost is quoted for comparison (T1). The data source combo changed (its new id). &quot;Choose…&quot; was clicked next to the MNIST path. Any setting of the run changed. &quot;Time one update of each&quot; was clicked.</extracomment>
        <translation>データ</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>not found yet</source>
        <translation>まだ見つかっていません</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Pick the book&apos;s mnist.pkl, a Keras mnist.npz, or one of the four IDX files (train-images-idx3-ubyte.gz …); the folder holding it is used.</source>
        <translation>本書の mnist.pkl、Keras の mnist.npz、または 4 つの IDX ファイル（train-images-idx3-ubyte.gz …）のどれかを選んでください。そのファイルがあるフォルダが使われます。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Hidden layer sizes</source>
        <translation>隠れ層のニューロン数</translation>
    </message>
    <message>
        <source>Units per hidden layer, e.g. 50 (TwoLayerNet) or 100, 100, 100 (MultiLayerNet).</source>
        <translation>隠れ層ごとのニューロンの数です。例: 50（TwoLayerNet）、100, 100, 100（MultiLayerNet）。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Initial weights (§6.2)</source>
        <translation>重みの初期値（§6.2）</translation>
    </message>
    <message>
        <source>Standard deviation of the initial weights; the book&apos;s TwoLayerNet uses 0.01.</source>
        <translation>重みの初期値の標準偏差です。本書の TwoLayerNet では 0.01 を使っています。</translation>
    </message>
    <message>
        <source>Weight decay λ (§6.4.2)</source>
        <translation>Weight decay λ（§6.4.2）</translation>
    </message>
    <message>
        <source>Dropout (§6.4.3), ratio</source>
        <translation>Dropout（§6.4.3）、消去の割合</translation>
    </message>
    <message>
        <source>Batch normalization (§6.3)</source>
        <translation>Batch Normalization（§6.3）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Optimizer (§6.1)</source>
        <translation>最適化手法（§6.1）</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学習率 η</translation>
    </message>
    <message>
        <source>One number greater than 0, e.g. 0.1, 0.01 or 1e-3.</source>
        <translation>0 より大きい数を 1 つ入力します。例: 0.1、0.01、1e-3。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Train for</source>
        <translation>学習の長さ</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>The same seed gives the same initial weights, mini-batches and curve.</source>
        <translation>シードが同じなら、重みの初期値、ミニバッチ、曲線も同じになります。</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>勾配の求め方</translation>
    </message>
    <message>
        <source>Time one update with each method</source>
        <translation>各方法で 1 回の更新にかかる時間を測る</translation>
    </message>
    <message>
        <source>Measures one backprop update and one loss evaluation on a batch of the data.</source>
        <translation>データのバッチ 1 つを使って、誤差逆伝播法による 1 回の更新と、損失関数の 1 回の計算にかかる時間を測ります。</translation>
    </message>
    <message>
        <source>Trained parameters</source>
        <translation>学習済みのパラメータ</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save W1, b1, … of the current network as a .npz file.</source>
        <translation>現在のネットワークの W1、b1、… を .npz ファイルに保存します。</translation>
    </message>
    <message>
        <source>Load and evaluate…</source>
        <translation>読み込んで評価…</translation>
    </message>
    <message>
        <source>Load a .npz saved here into a network of the current shape and test it.</source>
        <translation>ここで保存した .npz を現在の形状のネットワークに読み込み、テストデータで評価します。</translation>
    </message>
    <message>
        <source>MultiLayerNet only: choose it as the model.</source>
        <translation>MultiLayerNet でのみ使えます。モデルとして MultiLayerNet を選んでください。</translation>
    </message>
    <message>
        <source>At most {0} hidden layers.</source>
        <translation>隠れ層は {0} 層までです。</translation>
    </message>
    <message>
        <source>Type whole numbers ≥ 1 separated by commas, e.g. 50 or 100, 100.</source>
        <translation>1 以上の整数をカンマで区切って入力してください。例: 50、100, 100。</translation>
    </message>
    <message>
        <source>Every hidden layer needs at least 1 unit.</source>
        <translation>どの隠れ層にも 1 個以上のニューロンが必要です。</translation>
    </message>
    <message>
        <source>TwoLayerNet has exactly one hidden layer: type one number, or choose MultiLayerNet for {0} layers.</source>
        <translation>TwoLayerNet の隠れ層はちょうど 1 層です。数を 1 つだけ入力するか、隠れ層を {0} 層にするなら MultiLayerNet を選んでください。</translation>
    </message>
    <message>
        <source>Type one number greater than 0, e.g. 0.1 or 1e-3.</source>
        <translation>0 より大きい数を 1 つ入力してください。例: 0.1、1e-3。</translation>
    </message>
    <message>
        <source>This network would have more than {0} parameters: use fewer or smaller hidden layers.</source>
        <translation>このネットワークではパラメータが {0} 個を超えてしまいます。隠れ層の数かニューロン数を減らしてください。</translation>
    </message>
    <message>
        <source>&lt;i&gt;Fix the fields above to see the shapes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;上の入力欄を直すと、形状が表示されます。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; {1}: &lt;b&gt;{2}&lt;/b&gt; parameters&lt;br&gt;{3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; {1}: パラメータ &lt;b&gt;{2}&lt;/b&gt; 個&lt;br&gt;{3}</translation>
    </message>
    <message>
        <source>The numerical gradient evaluates the loss 2 × {0} = {1} times per update (the book&apos;s {2} network: {3}).</source>
        <translation>数値微分で勾配を求めると、1 回の更新ごとに損失関数を 2 × {0} = {1} 回計算します（本書の {2} のネットワークでは {3} 回）。</translation>
    </message>
    <message>
        <source>Backprop: {0} per update. Numerical: {1} loss evaluations × {2} = about {3} per update, {4} times slower.</source>
        <translation>誤差逆伝播法: 1 回の更新に {0}。数値微分: 損失関数の計算 {1} 回 × {2} = 1 回の更新に約 {3} で、{4} 倍遅くなります。</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>計測中…</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Training dashboard</source>
        <extracomment>Redraw period of the plots (≈ 30 Hz). The training worker sends its records every 40 ms (25 lists a second), so the plots can move at 25 Hz while the GUI thread handles one small signal per frame. Seconds between two updates of the progress text (the bar moves every frame). Seconds between two checks of whether the run is learning. The longest shutdown() waits for the worker threads, in total. Updates the not-learning check looks back over. Plot refreshes that drew something (read by the latency benchmark).</extracomment>
        <translation>学習ダッシュボード</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Build a fresh network with the settings on the left and train it (Ctrl+Enter).</source>
        <translation>左の設定で新しいネットワークを作り、学習させます（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <source>Do exactly one update (one mini-batch), then pause (Ctrl+→).</source>
        <translation>ちょうど 1 回だけ（ミニバッチ 1 つ分）更新して、一時停止します（Ctrl+→）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run here; its curves stay (Esc).</source>
        <translation>ここで学習を終了します。曲線は残ります（Esc）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Stop and remove the current run&apos;s curves; earlier runs stay.</source>
        <translation>学習を停止し、現在の試行の曲線を消します。それより前の試行は残ります。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速さ</translation>
    </message>
    <message>
        <source>Slow the training down to watch it; any time.</source>
        <translation>学習の様子を観察できるように、速さを落とします。いつでも変更できます。</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>ネットワークの内部</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>境界線</translation>
    </message>
    <message>
        <source>For the 2-D point sets: what the network predicts where.</source>
        <translation>2 次元の点のデータセット用: 平面上のどこでネットワークが何を予測するかを表示します。</translation>
    </message>
    <message>
        <source>No {0} files found in the usual places (./dataset, ~/dataset, ~/.keras/datasets …). Press Choose… and pick the book&apos;s mnist.pkl, a mnist.npz, or one of the four IDX files (train-images-idx3-ubyte.gz …).</source>
        <translation>通常の場所（./dataset、~/dataset、~/.keras/datasets …）に {0} のファイルが見つかりません。「選択…」を押して、本書の mnist.pkl、mnist.npz、または 4 つの IDX ファイル（train-images-idx3-ubyte.gz …）のどれかを選んでください。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Could not read these files: {0}
Press Choose… and pick the book&apos;s mnist.pkl, a mnist.npz, or the folder&apos;s train-images-idx3-ubyte.gz.</source>
        <translation>これらのファイルを読み込めませんでした: {0}
「選択…」を押して、本書の mnist.pkl、mnist.npz、またはフォルダ内の train-images-idx3-ubyte.gz を選んでください。</translation>
    </message>
    <message>
        <source>Loading failed: {0}: {1}</source>
        <translation>読み込みに失敗しました: {0}: {1}</translation>
    </message>
    <message>
        <source>No data loaded.</source>
        <translation>データが読み込まれていません。</translation>
    </message>
    <message>
        <source>{0}: {1} training, {2} test samples, {3} classes.</source>
        <translation>{0}: 訓練データ {1} 個、テストデータ {2} 個、{3} クラス。</translation>
    </message>
    <message>
        <source>Choose MNIST files</source>
        <translation>MNIST のファイルを選択</translation>
    </message>
    <message>
        <source>MNIST files (*.pkl *.npz *.gz *-ubyte);;All files (*)</source>
        <translation>MNIST のファイル (*.pkl *.npz *.gz *-ubyte);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Fix the settings marked on the left first.</source>
        <translation>先に、左で印の付いた設定を直してください。</translation>
    </message>
    <message>
        <source>Cannot start: {0} updates is more than the {1} allowed.</source>
        <translation>開始できません: 更新回数 {0} 回は上限の {1} 回を超えています。</translation>
    </message>
    <message>
        <source>Numerical gradient (§4.5): every update evaluates the loss {0} times, so it is slow; the line above counts them. Pause and Stop act at once.</source>
        <translation>数値微分による勾配（§4.5）: 更新のたびに損失関数を {0} 回計算するので、時間がかかります。計算の回数は上の行に表示されます。「一時停止」と「停止」はすぐに効きます。</translation>
    </message>
    <message>
        <source>Training… the settings on the left are locked until the run ends.</source>
        <translation>学習中… 学習が終わるまで、左の設定は変更できません。</translation>
    </message>
    <message>
        <source>The training stopped with an error: {0}: {1}</source>
        <translation>エラーのため学習が止まりました: {0}: {1}</translation>
    </message>
    <message>
        <source>The loss became {0} at iteration {1}, so training stopped; the curves so far stay. The learning rate η = {2} is probably too large: try one 10 times smaller.</source>
        <translation>イテレーション {1} で損失関数の値が {0} になったため、学習を停止しました（ここまでの曲線は残ります）。学習率 η = {2} が大きすぎるのでしょう。10 分の 1 の値を試してください。</translation>
    </message>
    <message>
        <source>Finished {0} updates ({1} epochs) in {2}: test accuracy {3}.</source>
        <translation>{0} 回の更新（{1} エポック）が {2} で終わりました。テストデータの認識精度は {3} です。</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} updates.</source>
        <translation>{1} 回中 {0} 回の更新で停止しました。</translation>
    </message>
    <message>
        <source>Loaded {0}: test accuracy {1} on {2} samples.</source>
        <translation>{0} を読み込みました。テストデータ {2} 個での認識精度は {1} です。</translation>
    </message>
    <message>
        <source>Press Start to train, or Step to do one update at a time.</source>
        <translation>「開始」を押すと学習を始めます。「1 ステップ」を押すと 1 回ずつ更新します。</translation>
    </message>
    <message>
        <source>Waiting for the data…</source>
        <translation>データを待っています…</translation>
    </message>
    <message>
        <source>Update {0} / {1} · epoch {2} / {3} · {4} ({5} computing) · left ≈ {6} · {7} per update</source>
        <translation>イテレーション {0} / {1} · エポック {2} / {3} · 経過時間 {4}（うち計算 {5}）· 残り時間 ≈ {6} · 1 回あたり {7}</translation>
    </message>
    <message>
        <source> · loss {0}</source>
        <translation> · 損失関数の値 {0}</translation>
    </message>
    <message>
        <source>Numerical gradient of update {0}: {1} of {2} loss evaluations done.</source>
        <translation>イテレーション {0} の数値微分: 損失関数の計算 {2} 回のうち {1} 回が終わりました。</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>（一時停止中）</translation>
    </message>
    <message>
        <source>Watching the loss: a warning appears here if it stays at the loss of pure guessing, −log(1/{0}) = {1}, or near the cap −log(δ).</source>
        <translation>損失関数の値を見守っています: 当てずっぽうで答えたときの値 −log(1/{0}) = {1} や、上限 −log(δ) の近くにとどまったら、ここに警告が出ます。</translation>
    </message>
    <message>
        <source>Not learning: in the last {0} updates the loss never came clearly below {1} = −log(1/{2}), the loss of pure guessing (accuracy ≈ {3}). The learning rate may be too small or too large, or the initial weights too small.</source>
        <translation>学習が進んでいません: 直近 {0} 回の更新で、損失関数の値が一度も {1} = −log(1/{2})（当てずっぽうで答えたときの値で、認識精度 ≈ {3}）をはっきりと下回っていません。学習率が小さすぎるか大きすぎる、または重みの初期値が小さすぎる可能性があります。</translation>
    </message>
    <message>
        <source>Not learning: the loss stays near {0}. One confidently wrong answer costs at most −log(δ) = {1} (δ = 1e-7 keeps the cross-entropy finite), so the network is sure of wrong answers. The learning rate η = {2} is far too large; it shows as this plateau rather than as NaN.</source>
        <translation>学習が進んでいません: 損失関数の値が {0} 付近にとどまっています。確信をもって間違えた答え 1 つの損失は最大で −log(δ) = {1} です（δ = 1e-7 によって交差エントロピー誤差が無限大にならないようにしています）。つまり、ネットワークは間違った答えを確信しています。学習率 η = {2} が大きすぎます。その影響が、NaN ではなくこの平らな部分として現れています。</translation>
    </message>
    <message>
        <source>Learning: the loss has come clearly below {0}, the loss of pure guessing.</source>
        <translation>学習が進んでいます: 損失関数の値が、当てずっぽうで答えたときの値 {0} をはっきりと下回りました。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Run on (Ctrl+P).</source>
        <translation>学習を続けます（Ctrl+P）。</translation>
    </message>
    <message>
        <source>Pause after this update (Ctrl+P).</source>
        <translation>この更新が終わったら一時停止します（Ctrl+P）。</translation>
    </message>
    <message>
        <source>Save the parameters</source>
        <translation>パラメータの保存</translation>
    </message>
    <message>
        <source>NumPy archive (*.npz)</source>
        <translation>NumPy アーカイブ (*.npz)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>{0} を保存できませんでした: {1}</translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation>{0} に保存しました。</translation>
    </message>
    <message>
        <source>Load parameters</source>
        <translation>パラメータの読み込み</translation>
    </message>
    <message>
        <source>Could not load these parameters: {0}
Set the network on the left to the shape they were saved from.</source>
        <translation>このパラメータを読み込めませんでした: {0}
左のネットワークの設定を、保存したときと同じ形状にしてください。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>評価中…</translation>
    </message>
</context>
<context>
    <name>TrainingText</name>
    <message>
        <source>Handwritten digits 8×8 (built in)</source>
        <extracomment>Data sources: (id, shown name).</extracomment>
        <translation>手書き数字 8×8（組み込み）</translation>
    </message>
    <message>
        <source>MNIST 28×28 (your files)</source>
        <translation>MNIST 28×28（手元のファイル）</translation>
    </message>
    <message>
        <source>Fashion-MNIST 28×28 (your files)</source>
        <translation>Fashion-MNIST 28×28（手元のファイル）</translation>
    </message>
    <message>
        <source>2-D points: spiral (3 classes)</source>
        <translation>2 次元の点: 渦巻き（3 クラス）</translation>
    </message>
    <message>
        <source>2-D points: two moons</source>
        <translation>2 次元の点: 2 つの三日月</translation>
    </message>
    <message>
        <source>2-D points: circles</source>
        <translation>2 次元の点: 同心円</translation>
    </message>
    <message>
        <source>2-D points: XOR</source>
        <translation>2 次元の点: XOR</translation>
    </message>
    <message>
        <source>2-D points: blobs (3 classes)</source>
        <translation>2 次元の点: かたまり（3 クラス）</translation>
    </message>
    <message>
        <source>TwoLayerNet</source>
        <translation>TwoLayerNet</translation>
    </message>
    <message>
        <source>MultiLayerNet</source>
        <translation>MultiLayerNet</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド関数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Fixed standard deviation</source>
        <translation>標準偏差を指定</translation>
    </message>
    <message>
        <source>Xavier √(1/n)</source>
        <translation>Xavier の初期値 √(1/n)</translation>
    </message>
    <message>
        <source>He √(2/n)</source>
        <translation>He の初期値 √(2/n)</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>イテレーション</translation>
    </message>
    <message>
        <source>Backpropagation (§5.7)</source>
        <translation>誤差逆伝播法（§5.7）</translation>
    </message>
    <message>
        <source>Numerical gradient (§4.5)</source>
        <translation>数値微分（§4.5）</translation>
    </message>
    <message>
        <source>Full speed</source>
        <extracomment>Training speed: (id, seconds to wait after each update, shown name).</extracomment>
        <translation>最高速</translation>
    </message>
    <message>
        <source>Slow (≈ 50 updates/s)</source>
        <translation>ゆっくり（≈ 50 回更新/秒）</translation>
    </message>
    <message>
        <source>Very slow (≈ 5 updates/s)</source>
        <translation>とてもゆっくり（≈ 5 回更新/秒）</translation>
    </message>
    <message>
        <source>Iterations</source>
        <extracomment>X axis of the curves: (id, shown name, axis label).</extracomment>
        <translation>イテレーション</translation>
    </message>
    <message>
        <source>iteration (updates)</source>
        <translation>イテレーション（更新回数）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>学習時間</translation>
    </message>
    <message>
        <source>training time (s, pauses excluded)</source>
        <translation>学習時間（秒、一時停止中を除く）</translation>
    </message>
    <message>
        <source>model</source>
        <extracomment>Short names of the settings, for labelling overlaid runs with what differs.</extracomment>
        <translation>モデル</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初期値</translation>
    </message>
    <message>
        <source>std</source>
        <translation>標準偏差</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>Batch Norm</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>{0} µs</source>
        <translation>{0} µs</translation>
    </message>
    <message>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 時間 {1} 分</translation>
    </message>
    <message>
        <source>backprop</source>
        <translation>誤差逆伝播法</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数値微分</translation>
    </message>
    <message>
        <source>on</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>off</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
</context>
</TS>
